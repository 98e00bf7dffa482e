/**
 * The edgeHub route and condition language: {@link io.edgestudio.routes.RouteLanguage} parses and checks routes
 * and conditions, {@link io.edgestudio.routes.Condition} evaluates them against a
 * {@link io.edgestudio.routes.RoutingMessage}, and {@link io.edgestudio.routes.Router} fans a message out to every
 * matching route. Behaviour follows Azure IoT Edge's edgeHub, including its documented quirks.
 */
package io.edgestudio.routes;
