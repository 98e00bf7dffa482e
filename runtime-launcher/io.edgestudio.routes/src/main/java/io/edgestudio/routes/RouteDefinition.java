package io.edgestudio.routes;

import java.util.Objects;

/**
 * A named route as written in {@code $edgeHub.properties.desired.routes}.
 *
 * @param name the route's key
 * @param route the route string
 * @param priority 0 (highest) to 9, or {@link #DEFAULT_PRIORITY} when the manifest gives none
 * @param timeToLiveSecs 0 to 4294967295; 0 means the hub's global time to live
 */
public record RouteDefinition(String name, String route, int priority, long timeToLiveSecs) {

    /** edgeHub's priority for routes without one: below every explicit priority. */
    public static final int DEFAULT_PRIORITY = 2_000_000_000;

    /** The largest time to live edgeHub accepts (an unsigned 32-bit number of seconds). */
    public static final long MAX_TIME_TO_LIVE_SECS = 4_294_967_295L;

    public RouteDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(route, "route");
        if ((priority < 0 || priority > 9) && priority != DEFAULT_PRIORITY) {
            throw new IllegalArgumentException("route '" + name + "': priority must be 0-9, not " + priority);
        }
        if (timeToLiveSecs < 0 || timeToLiveSecs > MAX_TIME_TO_LIVE_SECS) {
            throw new IllegalArgumentException("route '" + name + "': timeToLiveSecs must be 0-"
                    + MAX_TIME_TO_LIVE_SECS + ", not " + timeToLiveSecs);
        }
    }

    /** A legacy string route: default priority, global time to live. */
    public static RouteDefinition of(String name, String route) {
        return new RouteDefinition(name, route, DEFAULT_PRIORITY, 0);
    }
}
