package io.edgestudio.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.edgestudio.routes.RouteLanguageException.Kind;
import org.junit.jupiter.api.Test;

/** Errors name the broken rule and point at the exact text, in the text that was passed in. */
class ErrorPositionTest {

    private static RouteLanguageException conditionError(String condition) {
        return catchThrowableOfType(RouteLanguageException.class, () -> RouteLanguage.compileCondition(condition));
    }

    private static RouteLanguageException routeError(String route) {
        return catchThrowableOfType(RouteLanguageException.class, () -> RouteLanguage.parseRoute(route));
    }

    private static String span(String text, RouteLanguageException error) {
        return text.substring(error.offset(), error.offset() + error.length());
    }

    @Test
    void typeErrorPointsAtTheOperator() {
        String condition = "alert = 'x' AND temp > 100";
        RouteLanguageException error = conditionError(condition);
        assertThat(error.kind()).isEqualTo(Kind.TYPE);
        assertThat(span(condition, error)).isEqualTo(">");
        assertThat(error.line()).isEqualTo(1);
        assertThat(error.column()).isEqualTo(22);
        assertThat(error.getMessage()).startsWith("1:22: ").contains(error.reason());
    }

    @Test
    void unknownFunctionPointsAtItsName() {
        String condition = "is_empty(key1)";
        RouteLanguageException error = conditionError(condition);
        assertThat(error.kind()).isEqualTo(Kind.UNKNOWN_FUNCTION);
        assertThat(span(condition, error)).isEqualTo("is_empty");
    }

    @Test
    void arityAndArgumentTypesAreTold() {
        assertThat(conditionError("abs(3, 4) = 1").kind()).isEqualTo(Kind.ARITY);
        assertThat(conditionError("substring('hello') = 'h'").kind()).isEqualTo(Kind.ARITY);
        RouteLanguageException types = conditionError("lower(true) = 'x'");
        assertThat(types.kind()).isEqualTo(Kind.TYPE);
        assertThat(types.reason()).contains("lower(bool)").contains("lower(string)");
    }

    @Test
    void unsupportedBodyQueryPointsAtTheQuery() {
        String condition = "x = 'a' AND $body.a[] = 1";
        RouteLanguageException error = conditionError(condition);
        assertThat(error.kind()).isEqualTo(Kind.UNSUPPORTED_BODY_QUERY);
        assertThat(span(condition, error)).isEqualTo("$body.a[]");
    }

    @Test
    void syntaxErrorsPointAtTheOffendingToken() {
        assertThat(span("a = = 3", conditionError("a = = 3"))).isEqualTo("=");
        RouteLanguageException unterminated = conditionError("a = 'open");
        assertThat(unterminated.kind()).isEqualTo(Kind.SYNTAX);
        assertThat(unterminated.reason()).contains("unterminated string");
        RouteLanguageException missingParen = conditionError("(a = 'b'");
        assertThat(missingParen.reason()).contains("missing closing ')'");
        assertThat(missingParen.offset()).isZero();
        assertThat(conditionError("(2 + 22 )) = 24").reason()).contains("unmatched closing ')'");
    }

    @Test
    void errorAtTheEndHasZeroLength() {
        RouteLanguageException error = conditionError("a = ");
        assertThat(error.offset()).isEqualTo(4);
        assertThat(error.length()).isZero();
    }

    @Test
    void linesAndColumnsCountFromOne() {
        String condition = "a = 'x'\n  AND b = 3";
        RouteLanguageException error = conditionError(condition);
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(9);
        assertThat(span(condition, error)).isEqualTo("=");
    }

    @Test
    void conditionErrorsInARouteAreOffsetsIntoTheRoute() {
        String route = "FROM /messages WHERE key1 = 3 INTO $upstream";
        RouteLanguageException error = routeError(route);
        assertThat(error.kind()).isEqualTo(Kind.TYPE);
        assertThat(error.offset()).isEqualTo(26);
        assertThat(span(route, error)).isEqualTo("=");
        assertThat(error.column()).isEqualTo(27);
    }

    @Test
    void sinkErrorsCoverTheSink() {
        String route = "FROM /* INTO BrokeredEndpoint(\"/modules/m\")";
        RouteLanguageException error = routeError(route);
        assertThat(error.kind()).isEqualTo(Kind.INVALID_SINK);
        assertThat(span(route, error)).isEqualTo("BrokeredEndpoint(\"/modules/m\")");
        assertThat(routeError("FROM /* INTO $downstream").kind()).isEqualTo(Kind.INVALID_SINK);
    }

    @Test
    void emptyRouteHasNoSource() {
        assertThat(routeError("  ").kind()).isEqualTo(Kind.INVALID_SOURCE);
    }

    @Test
    void trailingInputAfterTheSinkIsRejected() {
        String route = "FROM /messages INTO $upstream extra";
        RouteLanguageException error = routeError(route);
        assertThat(error.kind()).isEqualTo(Kind.SYNTAX);
        assertThat(span(route, error)).isEqualTo("extra");
    }
}
