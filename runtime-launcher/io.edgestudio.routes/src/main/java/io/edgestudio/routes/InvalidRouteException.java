package io.edgestudio.routes;

/**
 * A configured route that {@link Router#of} could not accept. Positions are offsets into that route's text, and
 * {@link #routeName()} says which route it is.
 */
public final class InvalidRouteException extends RouteLanguageException {

    private static final long serialVersionUID = 1L;

    private final String routeName;

    InvalidRouteException(String routeName, RouteLanguageException error) {
        super("route '" + routeName + "'", error);
        this.routeName = routeName;
    }

    /** The name of the route in the deployment's {@code routes} section. */
    public String routeName() {
        return routeName;
    }
}
