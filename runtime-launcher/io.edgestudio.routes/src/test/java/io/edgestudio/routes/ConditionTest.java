package io.edgestudio.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgestudio.routes.RouteLanguageException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the condition API that the conformance table does not cover. */
class ConditionTest {

    private static RoutingMessage json(MessageSource source, String body) {
        return RoutingMessage.builder(source)
                .systemProperty("contentType", "application/json")
                .systemProperty("contentEncoding", "utf-8")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    @Test
    void reportsBodyReferencesWithTheirPositions() {
        String text = "$body.a.b[0] > 3 AND {$BODY.c} = 'x' AND $body = 'y'";
        Condition condition = RouteLanguage.compileCondition(text);
        assertThat(condition.bodyReferences()).containsExactly(
                new BodyReference(List.of("a", "b", "[0]"), 0, 12),
                new BodyReference(List.of("c"), 22, 7));
    }

    @Test
    void routeTellsWhereItsConditionStarts() {
        Route route = RouteLanguage.parseRoute("FROM /messages WHERE /* c */ $body.a = 1 INTO $upstream");
        assertThat(route.conditionText()).contains("$body.a = 1");
        int start = route.conditionOffset().orElseThrow();
        BodyReference reference = route.condition().orElseThrow().bodyReferences().get(0);
        assertThat(route.text().substring(start + reference.offset(), start + reference.offset() + reference.length()))
                .isEqualTo("$body.a");
        assertThat(RouteLanguage.parseRoute("FROM /* INTO $upstream").conditionOffset()).isEmpty();
    }

    @Test
    void reportsFunctionNamesInLowerCase() {
        Condition condition = RouteLanguage.compileCondition("UPPER(a) = 'X' OR is_defined(b) OR Is_Defined(c)");
        assertThat(condition.functionNames()).containsExactlyInAnyOrder("upper", "is_defined");
    }

    @Test
    void matchesOnlyWhenTrue() {
        RoutingMessage message = RoutingMessage.builder(MessageSource.telemetry()).property("alert", "true").build();
        assertThat(RouteLanguage.compileCondition("alert = 'true'").matches(message)).isTrue();
        assertThat(RouteLanguage.compileCondition("missing = 'true'").evaluate(message)).isEqualTo(Truth.UNDEFINED);
        assertThat(RouteLanguage.compileCondition("missing = 'true'").matches(message)).isFalse();
        assertThat(RouteLanguage.compileCondition("null").evaluate(message)).isEqualTo(Truth.FALSE);
    }

    @Test
    void applicationPropertyNamedLikeASystemPropertyWins() {
        RoutingMessage message = RoutingMessage.builder(MessageSource.telemetry())
                .systemProperty("connectionModuleId", "sensor")
                .property("$connectionModuleId", "app")
                .build();
        assertThat(RouteLanguage.compileCondition("$connectionModuleId = 'app'").matches(message)).isTrue();
        assertThat(RouteLanguage.compileCondition("{$connectionModuleId} = 'sensor'").matches(message)).isTrue();
    }

    @Test
    void twinChangeIncludesWorksOnlyForTwinChangeRoutes() {
        assertThatThrownBy(() -> RouteLanguage.compileCondition("twin_change_includes(properties.desired.x)"))
                .isInstanceOfSatisfying(RouteLanguageException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_FUNCTION));
        Route route = RouteLanguage.parseRoute(
                "FROM /twinChangeNotifications WHERE twin_change_includes(properties.desired.x) INTO $upstream");
        Condition condition = route.condition().orElseThrow();
        MessageSource twins = MessageSource.twinChangeNotifications();
        assertThat(condition.matches(json(twins, "{\"properties\":{\"desired\":{\"x\":{\"y\":1}}}}"))).isTrue();
        assertThat(condition.evaluate(json(twins, "{\"properties\":{\"desired\":{\"z\":1}}}")))
                .isEqualTo(Truth.FALSE);
        assertThatThrownBy(() -> RouteLanguage.parseRoute(
                "FROM /twinChangeNotifications WHERE twin_change_includes(other.x) INTO $upstream"))
                .isInstanceOfSatisfying(RouteLanguageException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED_BODY_QUERY));
    }

    @Test
    void bodyIsParsedLeniently() {
        RoutingMessage message = json(MessageSource.telemetry(), "{ 'a': 1, /* note */ b: [true,], }");
        assertThat(RouteLanguage.compileCondition("$body.b[0] AND $body.a = 1").matches(message)).isTrue();
    }

    @Test
    void bareBodyValueIsOnlyAcceptedOnTheLeftOfAndOr() {
        // edgeHub's operand check looks at the left operand twice, so it rejects a bare body value on the right.
        assertThat(RouteLanguage.compileCondition("$body.flag OR 3 = 3")).isNotNull();
        assertThatThrownBy(() -> RouteLanguage.compileCondition("3 = 3 OR $body.flag"))
                .isInstanceOfSatisfying(RouteLanguageException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.TYPE));
    }

    @Test
    void bodyDatesAreUndefinedAsInEdgeHub() {
        RoutingMessage message = json(MessageSource.telemetry(), "{\"t\":\"2017-03-09T00:00:00.000Z\",\"u\":\"x\"}");
        assertThat(RouteLanguage.compileCondition("is_defined($body.t)").evaluate(message)).isEqualTo(Truth.FALSE);
        assertThat(RouteLanguage.compileCondition("is_defined($body.u)").evaluate(message)).isEqualTo(Truth.TRUE);
    }

    @Test
    void numbersParseLikeDotNet() {
        RoutingMessage message = RoutingMessage.builder(MessageSource.telemetry())
                .property("a", " (1,234.5) ")
                .property("b", "7-")
                .property("c", "1e")
                .build();
        assertThat(RouteLanguage.compileCondition("as_number(a) = -1234.5").matches(message)).isTrue();
        assertThat(RouteLanguage.compileCondition("as_number(b) = -7").matches(message)).isTrue();
        assertThat(RouteLanguage.compileCondition("is_defined(as_number(c))").evaluate(message))
                .isEqualTo(Truth.FALSE);
    }

    @Test
    void emptyConditionIsUndefined() {
        RoutingMessage message = RoutingMessage.builder(MessageSource.telemetry()).build();
        assertThat(RouteLanguage.compileCondition(" /* nothing */ ").evaluate(message)).isEqualTo(Truth.UNDEFINED);
    }
}
