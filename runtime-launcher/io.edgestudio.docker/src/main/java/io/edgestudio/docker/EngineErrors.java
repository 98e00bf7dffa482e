package io.edgestudio.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The engine's own words for a failed request, without docker-java's {@code Status 500: {"message":...}} wrapping. */
final class EngineErrors {

    private static final Pattern WRAPPED = Pattern.compile("(?s)Status \\d+: (\\{.*})\\s*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineErrors() {
    }

    static String message(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        Matcher wrapped = WRAPPED.matcher(message);
        if (wrapped.matches()) {
            try {
                JsonNode body = JSON.readTree(wrapped.group(1));
                if (body.path("message").isTextual()) {
                    return body.get("message").asText();
                }
            } catch (java.io.IOException e) {
                // not JSON after all: keep the text as it is
            }
        }
        return message.strip();
    }
}
