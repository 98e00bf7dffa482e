package io.edgestudio.hub.routing;

import io.edgestudio.hub.core.MessageRouting;
import io.edgestudio.hub.core.QueueName;
import io.edgestudio.hub.core.RouteTarget;
import io.edgestudio.hub.message.HubMessage;
import io.edgestudio.hub.message.SystemProperty;
import io.edgestudio.routes.MessageSource;
import io.edgestudio.routes.RouteDefinition;
import io.edgestudio.routes.RouteMatch;
import io.edgestudio.routes.Router;
import io.edgestudio.routes.RoutingMessage;
import io.edgestudio.routes.Sink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Connects the hub to the route language engine ({@code io.edgestudio.routes}): turns a hub message into a
 * {@link RoutingMessage} with its edgeHub source, and every matching route into a queue target. A message
 * goes to each endpoint and priority once, even when several routes lead there.
 */
public final class RouteEngine implements MessageRouting {

    private final Router router;

    private RouteEngine(Router router) {
        this.router = router;
    }

    /**
     * @param routes the deployment's routes
     * @return the engine
     * @throws io.edgestudio.routes.RouteLanguageException if a route does not parse or compile
     */
    public static RouteEngine of(Collection<RouteDefinition> routes) {
        return new RouteEngine(Router.of(routes));
    }

    @Override
    public List<RouteTarget> route(HubMessage message) {
        List<RouteTarget> targets = new ArrayList<>();
        Set<QueueName> seen = new LinkedHashSet<>();
        for (RouteMatch match : router.route(toRoutingMessage(message))) {
            QueueName queue = new QueueName(endpoint(match.sink()), match.definition().priority());
            if (seen.add(queue)) {
                targets.add(new RouteTarget(queue, match.definition().timeToLiveSecs(), match.name()));
            }
        }
        return targets;
    }

    static RoutingMessage toRoutingMessage(HubMessage message) {
        RoutingMessage.Builder builder = RoutingMessage.builder(source(message)).body(message.body());
        message.systemProperties().forEach(builder::systemProperty);
        builder.systemProperty("enqueuedTime", message.enqueuedTime().toString());
        message.properties().forEach(builder::property);
        return builder.build();
    }

    private static MessageSource source(HubMessage message) {
        Optional<String> module = message.systemProperty(SystemProperty.CONNECTION_MODULE_ID);
        if (module.isEmpty()) {
            return MessageSource.telemetry();
        }
        return message.systemProperty(SystemProperty.OUTPUT_NAME)
                .map(output -> MessageSource.moduleOutput(module.get(), output))
                .orElseGet(() -> MessageSource.module(module.get()));
    }

    private static String endpoint(Sink sink) {
        return switch (sink) {
            case Sink.Upstream upstream -> QueueName.UPSTREAM;
            case Sink.ModuleInput input -> QueueName.moduleInput(input.module(), input.input());
        };
    }
}
