package io.edgestudio.routes;

import io.edgestudio.routes.RouteLanguageException.Kind;
import io.edgestudio.routes.eval.ConditionCompiler;
import io.edgestudio.routes.parse.RouteParser;
import io.edgestudio.routes.parse.RouteSyntax;
import io.edgestudio.routes.parse.StringLiterals;
import io.edgestudio.routes.parse.Token;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Entry point to the edgeHub route language: parses and checks routes and conditions exactly as edgeHub does when
 * it builds its router, so a route accepted here is accepted on a device and routes the same messages.
 */
public final class RouteLanguage {

    private RouteLanguage() {
    }

    /**
     * Parses {@code [SELECT *] FROM <source> [WHERE <condition>] INTO <sink>} and checks the sink and the condition.
     * Error positions are offsets into {@code routeText}.
     *
     * @throws RouteLanguageException when the route would be rejected by edgeHub
     */
    public static Route parseRoute(String routeText) {
        RouteSyntax syntax = RouteParser.parse(routeText);
        MessageSource source = MessageSource.of(syntax.source());
        Sink sink = sink(routeText, syntax);
        Optional<Condition> condition = syntax.condition().map(text -> {
            try {
                return ConditionCompiler.compile(text, source);
            } catch (RouteLanguageException e) {
                throw e.relocate(routeText, syntax.conditionOffset());
            }
        });
        return new Route(routeText, source, condition, syntax.condition(), sink);
    }

    /**
     * Compiles a condition on its own, as for a route from device or module messages (where
     * {@code twin_change_includes} is not available). An empty condition compiles and is always undefined.
     *
     * @throws RouteLanguageException on syntax, type, function or body query errors, positioned in {@code condition}
     */
    public static Condition compileCondition(String condition) {
        return compileCondition(condition, MessageSource.telemetry());
    }

    /** Compiles a condition for a route taking messages from {@code source}. */
    public static Condition compileCondition(String condition, MessageSource source) {
        return ConditionCompiler.compile(condition, source);
    }

    private static Sink sink(String routeText, RouteSyntax syntax) {
        Token name = syntax.sinkName();
        if (syntax.sinkArgument().isEmpty()) {
            if (name.text().equalsIgnoreCase("$upstream")) {
                return Sink.upstream();
            }
            throw sinkError(routeText, syntax, "system endpoint '" + name.text() + "' is not supported; use $upstream");
        }
        if (!name.text().equalsIgnoreCase("BrokeredEndpoint")) {
            throw sinkError(routeText, syntax, "endpoint function '" + name.text()
                    + "' is not supported; use BrokeredEndpoint(\"/modules/<module>/inputs/<input>\")");
        }
        String address = StringLiterals.value(syntax.sinkArgument().get().text());
        List<String> parts = Arrays.asList(trimOneSlash(address).split("/", -1));
        if (parts.size() != 4 || parts.get(1).isEmpty() || parts.get(3).isEmpty()) {
            throw sinkError(routeText, syntax, "endpoint address '" + address
                    + "' must have the form /modules/<module>/inputs/<input>");
        }
        // edgeHub reads the module and the input by position and does not check the words "modules" and "inputs".
        return new Sink.ModuleInput(parts.get(1), parts.get(3));
    }

    private static String trimOneSlash(String address) {
        String trimmed = address.startsWith("/") ? address.substring(1) : address;
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static RouteLanguageException sinkError(String routeText, RouteSyntax syntax, String reason) {
        return new RouteLanguageException(Kind.INVALID_SINK, reason, routeText, syntax.sinkOffset(),
                syntax.sinkLength());
    }
}
