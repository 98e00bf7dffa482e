package io.edgestudio.routes.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgestudio.routes.Condition;
import io.edgestudio.routes.MessageSource;
import io.edgestudio.routes.Route;
import io.edgestudio.routes.RouteLanguage;
import io.edgestudio.routes.RouteLanguageException;
import io.edgestudio.routes.RouteLanguageException.Kind;
import io.edgestudio.routes.Sink;
import io.edgestudio.routes.Truth;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the shared edgeHub conformance table, quirk rows included. */
class RouteLanguageConformanceTest {

    private static final Set<Kind> CONDITION_KINDS =
            EnumSet.of(Kind.TYPE, Kind.UNKNOWN_FUNCTION, Kind.ARITY, Kind.UNSUPPORTED_BODY_QUERY);

    static Stream<Arguments> conditions() {
        return ConformanceTable.rows("conditions");
    }

    static Stream<Arguments> routes() {
        return ConformanceTable.rows("routes");
    }

    static Stream<Arguments> sources() {
        return ConformanceTable.rows("sources");
    }

    @Test
    void tableHasTheExpectedNumberOfRows() {
        assertThat(ConformanceTable.size("conditions")).isEqualTo(279);
        assertThat(ConformanceTable.size("routes")).isEqualTo(43);
        assertThat(ConformanceTable.size("sources")).isEqualTo(34);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void condition(JsonNode row) {
        String text = row.get("condition").asText();
        JsonNode expected = row.get("expected");
        if (expected.isTextual() && expected.asText().equals("error")) {
            assertThatThrownBy(() -> RouteLanguage.compileCondition(text))
                    .isInstanceOf(RouteLanguageException.class);
            return;
        }
        Condition condition = RouteLanguage.compileCondition(text);
        Truth truth = condition.evaluate(ConformanceTable.message(row));
        assertThat(truth).isEqualTo(expectedTruth(expected));
        assertThat(condition.matches(ConformanceTable.message(row))).isEqualTo(truth == Truth.TRUE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void route(JsonNode row) {
        String text = row.get("route").asText();
        if (!row.get("valid").asBoolean()) {
            RouteLanguageException error = catchThrowableOfType(RouteLanguageException.class,
                    () -> RouteLanguage.parseRoute(text));
            assertThat(error).as("route must be rejected").isNotNull();
            assertThat(error.kind()).isIn(expectedKinds(row.get("stage").asText()));
            assertThat(error.offset()).isBetween(0, text.length());
            return;
        }
        Route route = RouteLanguage.parseRoute(text);
        assertThat(route.source().path()).isEqualTo(row.get("source").asText());
        assertThat(route.conditionText().orElse("true")).isEqualTo(row.get("condition").asText());
        assertThat(route.sink()).isEqualTo(expectedSink(row.get("sink")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void source(JsonNode row) {
        MessageSource routeSource = MessageSource.of(row.get("routeSource").asText());
        MessageSource messageSource = MessageSource.of(row.get("messageSource").asText());
        assertThat(routeSource.matches(messageSource)).isEqualTo(row.get("matches").asBoolean());
    }

    private static Truth expectedTruth(JsonNode expected) {
        if (expected.isBoolean()) {
            return expected.asBoolean() ? Truth.TRUE : Truth.FALSE;
        }
        return Truth.valueOf(expected.asText().toUpperCase(Locale.ROOT));
    }

    private static Set<Kind> expectedKinds(String stage) {
        return switch (stage) {
            case "parse" -> EnumSet.of(Kind.SYNTAX);
            case "source" -> EnumSet.of(Kind.INVALID_SOURCE);
            case "sink" -> EnumSet.of(Kind.INVALID_SINK);
            case "condition" -> CONDITION_KINDS;
            default -> throw new IllegalArgumentException("unknown stage " + stage);
        };
    }

    private static Sink expectedSink(JsonNode sink) {
        return switch (sink.get("kind").asText()) {
            case "upstream" -> Sink.upstream();
            case "brokeredEndpoint" -> new Sink.ModuleInput(sink.get("module").asText(), sink.get("input").asText());
            default -> throw new IllegalArgumentException("unknown sink " + sink);
        };
    }
}
