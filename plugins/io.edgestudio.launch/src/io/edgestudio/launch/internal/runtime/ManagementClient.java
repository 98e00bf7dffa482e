package io.edgestudio.launch.internal.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Client of a running runtime's management API ({@code /api/v1}, {@code /metrics}). Calls block: use it off the
 * UI thread. An answer other than 2xx becomes a {@link ManagementException} carrying the API's error text.
 */
public final class ManagementClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient http;

    /** A client of the API at {@code base} (e.g. {@code http://127.0.0.1:15580/}). */
    public ManagementClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The API's base URI. */
    public URI base() {
        return base;
    }

    /** Whether the API answers now. */
    public boolean isReachable() {
        try {
            modules();
            return true;
        } catch (ManagementException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * The deployment's modules: {@code moduleId}, {@code connectionState}, {@code inflight} and, from the agent,
     * {@code runtimeStatus}, {@code statusDescription}, {@code exitCode}, {@code restartCount}, {@code processId}.
     */
    public List<JsonNode> modules() {
        return list(get("api/v1/modules"));
    }

    /**
     * Starts, stops or restarts a module the agent runs ({@code action}: {@code start}, {@code stop} or
     * {@code restart}) and returns its status as the API answers it; an external module gives 409.
     */
    public JsonNode control(String module, String action) {
        if (!java.util.List.of("start", "stop", "restart").contains(action)) {
            throw new IllegalArgumentException("not a module action: " + action);
        }
        return send("POST", "api/v1/modules/" + module + "/" + action, JSON.createObjectNode());
    }

    /** A module's twin: {@code desired} and {@code reported}, each with {@code $version}. */
    public JsonNode twin(String module) {
        return get("api/v1/modules/" + module + "/twin");
    }

    /** The desired or reported section of a twin (also found under {@code properties}, as IoT Hub nests them). */
    public static JsonNode section(JsonNode twin, String name) {
        return twin.has("properties") ? twin.path("properties").path(name) : twin.path(name);
    }

    /** Patches a module's desired properties (null values remove) and returns the twin. */
    public JsonNode patchDesired(String module, JsonNode patch) {
        return send("PATCH", "api/v1/modules/" + module + "/twin/desired", patch);
    }

    /**
     * Sends a JSON message to a module's input, as if a route had delivered it. It carries a fresh message id, as
     * every message edgeHub routes does (the Azure IoT SDK does not hand a module a message without one).
     */
    public JsonNode sendMessage(String module, String input, JsonNode data) {
        ObjectNode body = JSON.createObjectNode().put("module", module).put("inputName", input)
                .put("messageId", java.util.UUID.randomUUID().toString());
        body.set("data", data);
        return send("POST", "api/v1/messages", body);
    }

    /** Invokes a direct method and returns {@code {"status", "payload"}}. */
    public JsonNode invokeMethod(String module, String method, JsonNode payload, int timeoutSeconds) {
        ObjectNode body = JSON.createObjectNode().put("responseTimeoutInSeconds", timeoutSeconds);
        body.set("payload", payload);
        return send("POST", "api/v1/modules/" + module + "/methods/" + method, body);
    }

    /** The most recent upstream messages, oldest first. */
    public List<JsonNode> upstream(int limit) {
        return list(get("api/v1/upstream?limit=" + limit));
    }

    /** The routes with their {@code messagesRouted} counters. */
    public List<JsonNode> routes() {
        return list(get("api/v1/routes"));
    }

    /** Whether the upstream is online. */
    public boolean isOnline() {
        return get("api/v1/upstream/online").path("online").asBoolean();
    }

    /** Takes the upstream online or offline. */
    public void setOnline(boolean online) {
        send("PUT", "api/v1/upstream/online", JSON.createObjectNode().put("online", online));
    }

    /** The Prometheus text of {@code /metrics}. */
    public String metrics() {
        return exchange(HttpRequest.newBuilder(base.resolve("metrics")).GET());
    }

    /** Parses JSON text typed by a user; the message names line and column of a syntax error. */
    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage(), e);
        }
    }

    /** JSON text, indented. */
    public static String pretty(JsonNode json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String path) {
        return read(exchange(HttpRequest.newBuilder(base.resolve(path)).GET()));
    }

    private JsonNode send(String method, String path, JsonNode body) {
        return read(exchange(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(body.toString()))));
    }

    private String exchange(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT).build();
        HttpResponse<String> response;
        try {
            response = http.send(built, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Management API " + base + " is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
        if (response.statusCode() / 100 != 2) {
            throw new ManagementException(response.statusCode(), built.method() + " " + built.uri().getPath() + ": "
                    + errorText(response.body()));
        }
        return response.body();
    }

    private static String errorText(String body) {
        try {
            JsonNode error = JSON.readTree(body).get("error");
            return error == null ? body : error.asText();
        } catch (IOException e) {
            return body;
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ManagementException(200, "answer is not JSON: " + e.getOriginalMessage());
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
