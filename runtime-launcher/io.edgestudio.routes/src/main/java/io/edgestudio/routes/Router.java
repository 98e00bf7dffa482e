package io.edgestudio.routes;

import io.edgestudio.routes.eval.CompiledCondition;
import io.edgestudio.routes.eval.EvalContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Routes messages: given the configured routes, returns every route a message takes (fan-out), highest priority
 * first and then by name. All routes are parsed and compiled up front, so a bad route fails at build time as it
 * does in edgeHub. Immutable and thread-safe; no storage and no delivery.
 */
public final class Router {

    private static final Comparator<RouteMatch> ORDER = Comparator
            .comparingInt((RouteMatch m) -> m.definition().priority())
            .thenComparing(RouteMatch::name);

    private final List<RouteMatch> routes;

    private Router(List<RouteMatch> routes) {
        this.routes = List.copyOf(routes);
    }

    /**
     * Builds a router.
     *
     * @throws InvalidRouteException for the first route that does not parse or compile
     * @throws IllegalArgumentException when two routes share a name
     */
    public static Router of(Collection<RouteDefinition> definitions) {
        List<RouteMatch> routes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (RouteDefinition definition : definitions) {
            if (!names.add(definition.name())) {
                throw new IllegalArgumentException("duplicate route name '" + definition.name() + "'");
            }
            routes.add(new RouteMatch(definition, parse(definition)));
        }
        routes.sort(ORDER);
        return new Router(routes);
    }

    private static Route parse(RouteDefinition definition) {
        try {
            return RouteLanguage.parseRoute(definition.route());
        } catch (RouteLanguageException e) {
            throw new InvalidRouteException(definition.name(), e);
        }
    }

    /** Every route, in routing order. */
    public List<RouteMatch> routes() {
        return routes;
    }

    /** The routes {@code message} takes: its source matches and the condition (if any) is true. */
    public List<RouteMatch> route(RoutingMessage message) {
        EvalContext context = new EvalContext(message);
        List<RouteMatch> matches = new ArrayList<>();
        for (RouteMatch match : routes) {
            Route route = match.route();
            if (route.source().matches(message.source()) && conditionHolds(route, message, context)) {
                matches.add(match);
            }
        }
        return List.copyOf(matches);
    }

    private static boolean conditionHolds(Route route, RoutingMessage message, EvalContext context) {
        return route.condition().map(condition -> condition instanceof CompiledCondition compiled
                ? compiled.evaluate(context) == Truth.TRUE
                : condition.matches(message)).orElse(true);
    }
}
