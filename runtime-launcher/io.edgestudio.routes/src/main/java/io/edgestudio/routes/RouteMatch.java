package io.edgestudio.routes;

/**
 * A route that a message takes.
 *
 * @param definition the route as configured (name, priority, time to live)
 * @param route the parsed route, whose sink receives the message
 */
public record RouteMatch(RouteDefinition definition, Route route) {

    public String name() {
        return definition.name();
    }

    public Sink sink() {
        return route.sink();
    }
}
