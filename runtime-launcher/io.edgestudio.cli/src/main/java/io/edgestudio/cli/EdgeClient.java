package io.edgestudio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The management HTTP API of a running edge, as the client subcommands use it: JSON requests and answers, the
 * edge's {@code {"error": ...}} answers as {@link RemoteEdgeException}, and connection failures as
 * {@link EdgeUnreachableException}.
 */
final class EdgeClient implements AutoCloseable {

    /** JSON for requests and answers. */
    static final ObjectMapper JSON = new ObjectMapper();
    /** How long a connection attempt may take. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** How long an ordinary request may take. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final EdgeAddress address;
    private final HttpClient http;

    /** @param address the edge's management API */
    EdgeClient(EdgeAddress address) {
        this.address = address;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /** @return the edge's address */
    EdgeAddress address() {
        return address;
    }

    /**
     * @param path the API path, e.g. {@code /api/v1/modules}
     * @return the JSON answer
     * @throws InterruptedException if interrupted while waiting
     */
    JsonNode get(String path) throws InterruptedException {
        return exchange(request(path, REQUEST_TIMEOUT).GET().build());
    }

    /**
     * @param method {@code POST}, {@code PUT} or {@code PATCH}
     * @param path the API path
     * @param body the JSON body
     * @param timeout how long the edge may take to answer
     * @return the JSON answer
     * @throws InterruptedException if interrupted while waiting
     */
    JsonNode send(String method, String path, JsonNode body, Duration timeout) throws InterruptedException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
        return exchange(request(path, timeout).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    /**
     * Opens a streaming answer (server-sent events); closing the stream closes the connection.
     *
     * @param path the API path
     * @return the answer's lines as they arrive
     * @throws InterruptedException if interrupted while connecting
     */
    Stream<String> lines(String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new EdgeUnreachableException(address, e);
        }
        if (response.statusCode() / 100 != 2) {
            String body = String.join("\n", response.body().toList());
            throw refusal(response.statusCode(), body);
        }
        return response.body();
    }

    /**
     * @param segment a module, method or other name
     * @return the name encoded for a URL path
     */
    static String segment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").timeout(timeout);
    }

    private URI uri(String path) {
        return address.baseUri().resolve(path);
    }

    private JsonNode exchange(HttpRequest request) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EdgeUnreachableException(address, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw refusal(response.statusCode(), response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new RemoteEdgeException(response.statusCode(), "the answer from " + address
                    + " is not JSON; is an Edge Studio edge listening there?");
        }
    }

    private RemoteEdgeException refusal(int status, String body) {
        String message;
        try {
            JsonNode error = JSON.readTree(body).path("error");
            message = error.isTextual() ? error.asText() : body;
        } catch (JsonProcessingException e) {
            message = body.isBlank() ? "HTTP " + status : body.strip();
        }
        return new RemoteEdgeException(status, message);
    }

    @Override
    public void close() {
        http.shutdownNow(); // close() would wait for an open event stream to end
    }
}
