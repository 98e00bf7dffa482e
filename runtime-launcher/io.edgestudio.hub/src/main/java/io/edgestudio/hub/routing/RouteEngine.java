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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connects the hub to the route language engine ({@code io.edgestudio.routes}): turns a hub message into a
 * {@link RoutingMessage} with its edgeHub source, and every matching route into a queue target. A message
 * goes to each endpoint and priority once, even when several routes lead there.
 */
public final class RouteEngine implements MessageRouting {

    private static final int MAX_SOURCES = 1024;

    private final Router router;
    /** Whether every route is taken for its source alone (no route has a condition). */
    private final boolean bySourceOnly;
    /** When {@link #bySourceOnly}: the targets of each source seen so far. */
    private final Map<SourceKey, List<RouteTarget>> targetsBySource = new ConcurrentHashMap<>();

    /** What a message's source is made of: its module and output, each null when absent. */
    private record SourceKey(String module, String output) {
    }

    private RouteEngine(Router router) {
        this.router = router;
        this.bySourceOnly = router.routes().stream().allMatch(match -> match.route().condition().isEmpty());
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
        if (bySourceOnly) {
            // the same source always takes the same routes: the message itself is not looked at
            Map<String, String> system = message.systemProperties();
            SourceKey key = new SourceKey(system.get(SystemProperty.CONNECTION_MODULE_ID.propertyName()),
                    system.get(SystemProperty.OUTPUT_NAME.propertyName()));
            List<RouteTarget> known = targetsBySource.get(key);
            if (known == null) {
                known = targets(RoutingMessage.builder(source(message)).build());
                if (targetsBySource.size() < MAX_SOURCES) { // output names are the modules' choice: bounded
                    targetsBySource.put(key, known);
                }
            }
            return known;
        }
        return targets(toRoutingMessage(message));
    }

    private List<RouteTarget> targets(RoutingMessage message) {
        List<RouteTarget> targets = new ArrayList<>();
        Set<QueueName> seen = new LinkedHashSet<>();
        for (RouteMatch match : router.route(message)) {
            QueueName queue = new QueueName(endpoint(match.sink()), match.definition().priority());
            if (seen.add(queue)) {
                targets.add(new RouteTarget(queue, match.definition().timeToLiveSecs(), match.name()));
            }
        }
        return List.copyOf(targets);
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
