package io.edgestudio.hub.method;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.hub.identity.ModuleIdentity;
import io.edgestudio.hub.identity.SasAuthenticator;
import io.edgestudio.hub.identity.SasAuthenticator.AuthenticationException;
import io.edgestudio.hub.management.ApiRequest;
import io.edgestudio.hub.management.ApiResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * edgeHub's module → module direct method endpoint, independent of the HTTP server:
 * {@code POST /twins/{device}/modules/{module}/methods} with body
 * {@code {"methodName": .., "payload": .., "responseTimeoutInSeconds": .., "connectTimeoutInSeconds": ..}}.
 * As in edgeHub: the caller names itself in {@code x-ms-edge-moduleId} ({@code device/module}) and proves it with
 * its own SAS token in {@code Authorization} (else 401, text); a malformed request gives 400 with the reason as a
 * JSON string; the call goes to the target module over MQTT and the answer is 200
 * {@code {"status": <module's status>, "payload": <module's payload>}}; a target that is not connected (after
 * waiting up to the connect timeout) gives 404 and one that does not answer in time 504, each with
 * {@code {"status", "payload": null, "message", "exceptionMessage"}}.
 */
public final class ModuleMethodApi {

    /** The header in which the calling module names itself. */
    public static final String MODULE_ID_HEADER = "x-ms-edge-moduleId";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleMethodApi.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final int MAX_METHOD_NAME = 100;
    private static final int MAX_PAYLOAD_BYTES = 8 * 1024;
    private static final int MAX_CONNECT_TIMEOUT_SECONDS = 300;
    private static final long CONNECT_POLL_MILLIS = 200;

    private final String deviceId;
    private final SasAuthenticator authenticator;
    private final MethodInvoker invoker;

    /**
     * @param deviceId the edge device: only its modules may call, only its modules are called
     * @param authenticator checks the caller's SAS token
     * @param invoker calls the target module over MQTT
     */
    public ModuleMethodApi(String deviceId, SasAuthenticator authenticator, MethodInvoker invoker) {
        this.deviceId = deviceId;
        this.authenticator = authenticator;
        this.invoker = invoker;
    }

    /**
     * @param request the request
     * @param authorization the {@code Authorization} header, or null if absent
     * @param caller the {@code x-ms-edge-moduleId} header, or null if absent
     * @return the answer, complete when the target module answered or the call failed
     */
    public CompletableFuture<ApiResponse> handle(ApiRequest request, String authorization, String caller) {
        String refused = authenticate(request, authorization, caller);
        if (refused != null) {
            LOG.info("Refused a method call from {}: {}", caller, refused);
            return done(new ApiResponse(401, TEXT, refused.getBytes(StandardCharsets.UTF_8)));
        }
        if (!request.pathMatches("twins", "*", "modules", "*", "methods")
                && !request.pathMatches("twins", "*", "methods")) {
            return done(new ApiResponse(404, TEXT,
                    ("no endpoint /" + String.join("/", request.segments())).getBytes(StandardCharsets.UTF_8)));
        }
        if (!request.method().equals("POST")) {
            return done(new ApiResponse(405, TEXT, (request.method() + " is not allowed; use POST")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        Call call;
        try {
            call = Call.parse(request.body());
        } catch (IllegalArgumentException e) {
            return done(badRequest(e.getMessage()));
        }
        String target = request.segment(1) + (request.segments().size() == 5 ? "/" + request.segment(3) : "");
        if (!request.segment(1).equals(deviceId) || request.segments().size() != 5) {
            // only modules of this edge device have connections here
            return done(failure(MethodResult.NOT_FOUND, "Client " + target + " not found"));
        }
        String module = request.segment(3);
        long connectDeadline = System.nanoTime() + call.connectTimeout().toNanos();
        LOG.debug("{} invokes {} on {}", caller, call.methodName(), target);
        return invoke(module, call, connectDeadline).thenApply(result -> answer(target, call, result));
    }

    /** @return null if the caller is a module of this device with a valid token for itself, else why not */
    private String authenticate(ApiRequest request, String authorization, String caller) {
        if (caller == null || caller.isBlank()) {
            return "Request header does not contain ModuleId";
        }
        String[] parts = caller.split("/", 2);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return "Id header doesn't contain device Id and module Id as expected.";
        }
        String token = authorization != null ? authorization : queryAuthorization(request);
        if (token == null) {
            return "Authorization header missing";
        }
        if (!parts[0].equals(deviceId)) {
            return "Module " + parts[1] + " on device " + parts[0] + " cannot invoke methods. Only modules on IoT Edge"
                    + " device " + deviceId + " can invoke methods.";
        }
        try {
            ModuleIdentity identity = authenticator.authenticate(parts[0], parts[1], token);
            LOG.trace("Method caller {} authenticated", identity.id());
            return null;
        } catch (AuthenticationException e) {
            return "Unable to authenticate device with Id " + caller + ": " + e.getMessage();
        }
    }

    private static String queryAuthorization(ApiRequest request) {
        return request.query().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("authorization"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Calls the module; while it is not connected and the connect timeout has not passed, tries again. */
    private CompletableFuture<MethodResult> invoke(String module, Call call, long connectDeadline) {
        return invoker.invoke(module, call.methodName(), call.payload(), call.responseTimeout()).thenCompose(result -> {
            if (result.answered() || result.status() != MethodResult.NOT_FOUND
                    || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONNECT_POLL_MILLIS) > connectDeadline) {
                return done(result);
            }
            return CompletableFuture.supplyAsync(() -> module,
                    CompletableFuture.delayedExecutor(CONNECT_POLL_MILLIS, TimeUnit.MILLISECONDS))
                    .thenCompose(m -> invoke(m, call, connectDeadline));
        });
    }

    private static ApiResponse answer(String target, Call call, MethodResult result) {
        if (!result.answered() && result.status() == MethodResult.NOT_FOUND) {
            return failure(MethodResult.NOT_FOUND, "Client " + target + " not found");
        }
        if (!result.answered()) {
            return failure(MethodResult.GATEWAY_TIMEOUT, "Client " + target + " did not answer " + call.methodName()
                    + " within " + call.responseTimeout().toSeconds() + " s");
        }
        ObjectNode body = MAPPER.createObjectNode().put("status", result.status());
        body.set("payload", payloadJson(result.payload()));
        return ApiResponse.json(200, body);
    }

    /** The module's payload as JSON; a payload that is not JSON is passed on as a JSON string. */
    private static JsonNode payloadJson(String payload) {
        try {
            JsonNode parsed = MAPPER.readTree(payload);
            return parsed == null || parsed.isMissingNode() ? MAPPER.nullNode() : parsed;
        } catch (JsonProcessingException notJson) {
            return MAPPER.getNodeFactory().textNode(payload);
        }
    }

    private static ApiResponse failure(int status, String message) {
        ObjectNode body = MAPPER.createObjectNode().put("status", status).putNull("payload");
        body.put("message", message).put("exceptionMessage", "");
        return ApiResponse.json(status, body);
    }

    private static ApiResponse badRequest(String message) {
        return ApiResponse.json(400, MAPPER.getNodeFactory().textNode(message));
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    /**
     * A method call request body.
     *
     * @param methodName the method
     * @param payload the payload as JSON text ({@code null} when absent)
     * @param responseTimeout how long the module may take to answer (5–300 s, default 30 s)
     * @param connectTimeout how long to wait for the module to connect (0–300 s, default 0)
     */
    record Call(String methodName, String payload, Duration responseTimeout, Duration connectTimeout) {

        static Call parse(byte[] body) {
            JsonNode json;
            try {
                json = MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("request body is not JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new IllegalArgumentException("request body is not JSON: " + e.getMessage());
            }
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("request body must be a JSON object with methodName");
            }
            JsonNode name = json.path("methodName");
            if (!name.isTextual() || name.asText().isBlank()) {
                throw new IllegalArgumentException("methodName is required");
            }
            if (name.asText().length() > MAX_METHOD_NAME) {
                throw new IllegalArgumentException("MethodName cannot be longer than " + MAX_METHOD_NAME);
            }
            String payload = json.path("payload").isMissingNode() ? "null" : json.get("payload").toString();
            if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
                throw new IllegalArgumentException("Payload should not be greater than " + MAX_PAYLOAD_BYTES + " bytes.");
            }
            long response = seconds(json, "responseTimeoutInSeconds", MethodInvoker.DEFAULT_TIMEOUT.toSeconds());
            if (response < 5 || response > 300) {
                throw new IllegalArgumentException("ResponseTimeout has to be between 5 and 300 seconds.");
            }
            long connect = seconds(json, "connectTimeoutInSeconds", 0);
            if (connect < 0 || connect > MAX_CONNECT_TIMEOUT_SECONDS) {
                throw new IllegalArgumentException("ConnectTimeout has to be between 0 and 300 seconds.");
            }
            return new Call(name.asText(), payload, Duration.ofSeconds(response), Duration.ofSeconds(connect));
        }

        private static long seconds(JsonNode json, String field, long fallback) {
            JsonNode value = json.path(field);
            if (value.isMissingNode() || value.isNull()) {
                return fallback;
            }
            if (!value.canConvertToLong() || !value.isIntegralNumber()) {
                throw new IllegalArgumentException(field + " must be a whole number of seconds");
            }
            return value.asLong();
        }
    }
}
