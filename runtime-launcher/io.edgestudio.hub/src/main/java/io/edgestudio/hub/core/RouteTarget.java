package io.edgestudio.hub.core;

/**
 * Where a routed message goes: a queue, and the route's TTL.
 *
 * @param queue the endpoint queue (endpoint and priority)
 * @param timeToLiveSecs the route's TTL; 0 means the global TTL
 * @param routeName the route that chose it
 */
public record RouteTarget(QueueName queue, long timeToLiveSecs, String routeName) {
}
