package io.edgestudio.hub.management;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * A management response: HTTP status, content type and body.
 *
 * @param status the HTTP status
 * @param contentType the body's media type
 * @param body the body bytes
 */
public record ApiResponse(int status, String contentType, byte[] body) {

    /** The JSON media type of every API answer except {@code /metrics}. */
    public static final String JSON = "application/json; charset=utf-8";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param status the HTTP status
     * @param json the body
     * @return a JSON response
     */
    public static ApiResponse json(int status, JsonNode json) {
        try {
            return new ApiResponse(status, JSON, MAPPER.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /**
     * @param status the HTTP status
     * @param message what went wrong
     * @return {@code {"error": message}}, the shape iotedgehubdev's API uses
     */
    public static ApiResponse error(int status, String message) {
        return json(status, MAPPER.createObjectNode().put("error", message));
    }

    /**
     * @param contentType the media type
     * @param text the body
     * @return a 200 text response
     */
    public static ApiResponse text(String contentType, String text) {
        return new ApiResponse(200, contentType, text.getBytes(StandardCharsets.UTF_8));
    }
}
