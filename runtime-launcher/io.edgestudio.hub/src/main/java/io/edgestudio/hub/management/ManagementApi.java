package io.edgestudio.hub.management;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.hub.core.EdgeHub;
import io.edgestudio.hub.core.HubMetrics;
import io.edgestudio.hub.core.ModuleSession;
import io.edgestudio.hub.core.QueueName;
import io.edgestudio.hub.method.MethodInvoker;
import io.edgestudio.hub.method.MethodResult;
import io.edgestudio.routes.RouteDefinition;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The management endpoints under {@code /api/v1} and {@code /metrics}, independent of the HTTP server: each
 * request maps to a JSON answer (or Prometheus text). Unknown modules give 404, malformed bodies 400, always
 * with a JSON {@code {"error": "..."}} body.
 */
public final class ManagementApi {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int DEFAULT_UPSTREAM_LIMIT = 100;

    private final EdgeHub hub;
    private final List<String> modules;
    private final List<RouteDefinition> routes;
    private final MessageInjection messages;
    private volatile ModuleRuntime runtime;

    /**
     * @param hub the hub core
     * @param modules the deployment's modules, in manifest order
     * @param routes the deployment's routes
     */
    public ManagementApi(EdgeHub hub, Collection<String> modules, Collection<RouteDefinition> routes) {
        this.hub = hub;
        this.modules = List.copyOf(modules);
        this.routes = List.copyOf(routes);
        this.messages = new MessageInjection(hub, this.modules);
    }

    /**
     * Lets the API show module runtime status and start, stop and restart modules.
     *
     * @param moduleRuntime the agent running the modules
     */
    public void attach(ModuleRuntime moduleRuntime) {
        this.runtime = moduleRuntime;
    }

    /**
     * @param request a request
     * @return the answer; an {@link ApiException} in the request becomes its JSON error response
     */
    public CompletableFuture<ApiResponse> handle(ApiRequest request) {
        try {
            return dispatch(request);
        } catch (ApiException e) {
            return CompletableFuture.completedFuture(ApiResponse.error(e.status(), e.getMessage()));
        }
    }

    private CompletableFuture<ApiResponse> dispatch(ApiRequest r) {
        if (r.pathMatches("api", "v1", "modules", "*", "methods", "*")) {
            expect(r, "POST");
            return invokeMethod(module(r.segment(3)), r.segment(5), r);
        }
        return CompletableFuture.completedFuture(answer(r));
    }

    private ApiResponse answer(ApiRequest r) {
        if (r.pathMatches("api", "v1", "messages")) {
            expect(r, "POST");
            return messages.accept(readObject(r));
        } else if (r.pathMatches("api", "v1", "modules")) {
            expect(r, "GET");
            return ApiResponse.json(200, modulesJson());
        } else if (r.pathMatches("api", "v1", "modules", "*", "twin")) {
            expect(r, "GET");
            return ApiResponse.json(200, hub.twins().get(module(r.segment(3))).toJson());
        } else if (r.pathMatches("api", "v1", "modules", "*", "twin", "desired")) {
            expect(r, "PATCH");
            return ApiResponse.json(200, hub.twins().patchDesired(module(r.segment(3)), readObject(r)).toJson());
        } else if (r.pathMatches("api", "v1", "modules", "*", "*")
                && List.of("start", "stop", "restart").contains(r.segment(4))) {
            expect(r, "POST");
            return control(module(r.segment(3)), r.segment(4));
        } else if (r.pathMatches("api", "v1", "upstream")) {
            expect(r, "GET");
            int limit = intParameter(r, "limit", DEFAULT_UPSTREAM_LIMIT);
            return ApiResponse.json(200, UpstreamFeed.recentJson(hub.upstream(), limit));
        } else if (r.pathMatches("api", "v1", "upstream", "online")) {
            return online(r);
        } else if (r.pathMatches("api", "v1", "routes")) {
            expect(r, "GET");
            return ApiResponse.json(200, routesJson());
        } else if (r.pathMatches("api", "v1", "queues")) {
            expect(r, "GET");
            return ApiResponse.json(200, queuesJson());
        } else if (r.pathMatches("metrics")) {
            expect(r, "GET");
            return ApiResponse.text(PrometheusExposition.CONTENT_TYPE,
                    new PrometheusExposition(hub, modules).render());
        }
        throw new ApiException(404, "no endpoint " + r.method() + " /" + String.join("/", r.segments()));
    }

    private ApiResponse online(ApiRequest r) {
        if (r.method().equals("PUT")) {
            JsonNode online = readObject(r).get("online");
            if (online == null || !online.isBoolean()) {
                throw new ApiException(400, "body must be {\"online\": true|false}");
            }
            hub.upstream().setOnline(online.booleanValue());
        } else {
            expect(r, "GET");
        }
        return ApiResponse.json(200, MAPPER.createObjectNode().put("online", hub.upstream().isOnline()));
    }

    private ArrayNode modulesJson() {
        ArrayNode list = MAPPER.createArrayNode();
        for (String module : modules) {
            boolean connected = hub.findSession(module).map(ModuleSession::link).isPresent();
            ObjectNode entry = list.addObject().put("moduleId", module)
                    .put("connectionState", connected ? "Connected" : "Disconnected");
            entry.put("inflight", hub.findSession(module).map(s -> s.inputs().inflight()).orElse(0));
            ModuleRuntime current = runtime;
            if (current != null) {
                current.status(module).ifPresent(status -> putStatus(entry, status));
            }
        }
        return list;
    }

    private ApiResponse control(String module, String action) {
        ModuleRuntime current = runtime;
        if (current == null) {
            throw new ApiException(409, "no agent runs the modules of this edge");
        }
        try {
            switch (action) {
                case "start" -> current.start(module);
                case "stop" -> current.stop(module);
                default -> current.restart(module);
            }
        } catch (IllegalStateException e) {
            throw new ApiException(409, e.getMessage());
        }
        ObjectNode answer = MAPPER.createObjectNode().put("moduleId", module);
        current.status(module).ifPresent(status -> putStatus(answer, status));
        return ApiResponse.json(200, answer);
    }

    private static void putStatus(ObjectNode entry, ModuleRuntimeStatus status) {
        entry.put("runtimeStatus", status.runtimeStatus()).put("statusDescription", status.statusDescription())
                .put("restartCount", status.restartCount());
        if (status.exitCode() != null) {
            entry.put("exitCode", status.exitCode());
        }
        if (status.processId() != null) {
            entry.put("processId", status.processId());
        }
        if (status.lastStartTime() != null) {
            entry.put("lastStartTimeUtc", status.lastStartTime().toString());
        }
        if (status.lastExitTime() != null) {
            entry.put("lastExitTimeUtc", status.lastExitTime().toString());
        }
    }

    private ArrayNode routesJson() {
        ArrayNode list = MAPPER.createArrayNode();
        for (RouteDefinition route : routes) {
            ObjectNode entry = list.addObject().put("name", route.name()).put("route", route.route());
            if (route.priority() != RouteDefinition.DEFAULT_PRIORITY) {
                entry.put("priority", route.priority());
            }
            entry.put("timeToLiveSecs", route.timeToLiveSecs())
                    .put("messagesRouted", hub.metrics().get(HubMetrics.ROUTED, route.name()));
        }
        return list;
    }

    /** Every store-and-forward queue: endpoint, priority ({@code "default"} or 0-9) and waiting messages. */
    private ArrayNode queuesJson() {
        ArrayNode list = MAPPER.createArrayNode();
        hub.store().queues().stream().map(QueueName::parse).flatMap(Optional::stream)
                .sorted(QueueName.DELIVERY_ORDER).forEach(queue -> {
                    ObjectNode entry = list.addObject().put("endpoint", queue.endpoint());
                    if (queue.priority() == QueueName.DEFAULT_PRIORITY) {
                        entry.put("priority", "default");
                    } else {
                        entry.put("priority", queue.priority());
                    }
                    entry.put("length", hub.store().size(queue.format()));
                });
        return list;
    }

    private CompletableFuture<ApiResponse> invokeMethod(String module, String method, ApiRequest r) {
        ObjectNode body = r.body().length == 0 ? MAPPER.createObjectNode() : readObject(r);
        long seconds = body.path("responseTimeoutInSeconds")
                .asLong(intParameter(r, "timeout", (int) MethodInvoker.DEFAULT_TIMEOUT.toSeconds()));
        if (seconds < 5 || seconds > 300) {
            throw new ApiException(400, "responseTimeoutInSeconds must be 5-300, not " + seconds);
        }
        String payload = body.has("payload") ? body.get("payload").toString() : "null";
        return hub.methods().invoke(module, method, payload, Duration.ofSeconds(seconds))
                .thenApply(result -> methodAnswer(module, method, result));
    }

    private static ApiResponse methodAnswer(String module, String method, MethodResult result) {
        // a module's own 404 or 504 is its answer, passed on like any other status
        if (!result.answered() && result.status() == MethodResult.NOT_FOUND) {
            return ApiResponse.error(404, "module " + module + " is not connected or does not listen for methods");
        }
        if (!result.answered()) {
            return ApiResponse.error(504, "module " + module + " did not answer " + method + " in time");
        }
        ObjectNode answer = MAPPER.createObjectNode().put("status", result.status());
        answer.set("payload", parseOrText(result.payload()));
        return ApiResponse.json(200, answer);
    }

    private static JsonNode parseOrText(String payload) {
        try {
            return MAPPER.readTree(payload);
        } catch (IOException e) {
            return MAPPER.getNodeFactory().textNode(payload);
        }
    }

    private String module(String name) {
        if (!modules.contains(name)) {
            throw new ApiException(404, "no module " + name + " in the deployment");
        }
        return name;
    }

    private static void expect(ApiRequest r, String method) {
        if (!r.method().equals(method)) {
            throw new ApiException(405, r.method() + " is not allowed on /" + String.join("/", r.segments())
                    + "; use " + method);
        }
    }

    static ObjectNode readObject(ApiRequest r) {
        try {
            JsonNode json = MAPPER.readTree(r.body());
            if (json instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "body cannot be read: " + e.getMessage());
        }
        throw new ApiException(400, "body must be a JSON object");
    }

    private static int intParameter(ApiRequest r, String name, int fallback) {
        try {
            return r.queryParameter(name).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "query parameter " + name + " must be an integer");
        }
    }
}
