package io.edgestudio.routes.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgestudio.routes.MessageSource;
import io.edgestudio.routes.RoutingMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads the shared edgeHub conformance table ({@code shared/conformance/route-language.json}, located through the
 * {@code conformance.table} system property the build sets) and turns its rows into test arguments.
 */
final class ConformanceTable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode TABLE = load();

    private ConformanceTable() {
    }

    static Stream<Arguments> rows(String section) {
        List<Arguments> rows = new ArrayList<>();
        TABLE.get(section).forEach(row -> rows.add(Arguments.of(Named.of(label(row), row))));
        return rows.stream();
    }

    static int size(String section) {
        return TABLE.get(section).size();
    }

    private static String label(JsonNode row) {
        String text = row.has("condition") && row.get("condition").isTextual() && !row.has("route")
                ? row.get("condition").asText()
                : row.has("route") ? row.get("route").asText() : row.path("routeSource").asText();
        return row.get("id").asText() + (row.path("quirk").asBoolean() ? " [quirk] " : " ") + text;
    }

    /**
     * The row's message as the table's conventions describe it: property maps with null values allowed, and a
     * body that is JSON text (or raw text for a string, empty for null) encoded with the content encoding.
     */
    static RoutingMessage message(JsonNode row) {
        JsonNode message = row.get("message");
        RoutingMessage.Builder builder = RoutingMessage.builder(MessageSource.telemetry());
        message.path("systemProperties").properties()
                .forEach(e -> builder.systemProperty(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        message.path("properties").properties()
                .forEach(e -> builder.property(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        JsonNode body = message.path("body");
        String text = body.isNull() || body.isMissingNode() ? "" : body.isTextual() ? body.asText() : body.toString();
        return builder.body(text.getBytes(charset(message.path("systemProperties").path("contentEncoding"))))
                .build();
    }

    private static Charset charset(JsonNode encoding) {
        return switch (encoding.asText("").toLowerCase(Locale.ROOT)) {
            case "utf-16" -> StandardCharsets.UTF_16LE;
            case "utf-32" -> Charset.forName("UTF-32LE");
            default -> StandardCharsets.UTF_8;
        };
    }

    private static JsonNode load() {
        String location = System.getProperty("conformance.table");
        if (location == null) {
            throw new IllegalStateException("system property conformance.table is not set (run through Maven)");
        }
        try {
            return MAPPER.readTree(Files.readString(Path.of(location)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the conformance table " + location, e);
        }
    }
}
