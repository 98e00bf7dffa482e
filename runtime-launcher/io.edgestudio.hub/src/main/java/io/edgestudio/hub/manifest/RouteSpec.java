package io.edgestudio.hub.manifest;

/**
 * One entry of {@code $edgeHub.properties.desired.routes}: a legacy route string or a route object.
 *
 * @param name the route name (the key in the manifest)
 * @param route the route text, unparsed
 * @param priority 0 (highest) to 9, or {@link #DEFAULT_PRIORITY} when not given
 * @param timeToLiveSecs the route TTL; 0 means the global store-and-forward TTL
 */
public record RouteSpec(String name, String route, int priority, long timeToLiveSecs) {

    /** edgeHub's priority of a route without one: below every explicit priority. */
    public static final int DEFAULT_PRIORITY = 2_000_000_000;

    /** @return whether the route has an explicit priority (0–9) */
    public boolean hasExplicitPriority() {
        return priority != DEFAULT_PRIORITY;
    }
}
