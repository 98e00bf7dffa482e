package io.edgestudio.routes.eval;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.edgestudio.routes.RoutingMessage;
import io.edgestudio.routes.eval.Value.Bool;
import io.edgestudio.routes.eval.Value.Null;
import io.edgestudio.routes.eval.Value.Num;
import io.edgestudio.routes.eval.Value.Str;
import io.edgestudio.routes.parse.JsonPath.Segment;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A message body as seen by {@code $body} queries. It is only queryable when the message's {@code contentType}
 * is {@code application/json} and its {@code contentEncoding} is utf-8, utf-16 or utf-32 (any case), and the body
 * parses as a JSON object; otherwise every query is undefined. Parsing is as lenient as Newtonsoft's
 * {@code JObject.Parse} (comments, single quotes, unquoted names, trailing commas).
 */
final class BodyDocument {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                    JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final BodyDocument UNAVAILABLE = new BodyDocument(null);

    private final JsonNode root;

    private BodyDocument(JsonNode root) {
        this.root = root;
    }

    static BodyDocument of(RoutingMessage message) {
        Optional<Charset> charset = message.systemProperty("contentEncoding").flatMap(BodyDocument::charset);
        boolean json = message.systemProperty("contentType").filter("application/json"::equalsIgnoreCase).isPresent();
        if (charset.isEmpty() || !json) {
            return UNAVAILABLE;
        }
        String text = new String(message.body(), charset.get());
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            JsonNode root = MAPPER.readTree(text);
            return root != null && root.isObject() ? new BodyDocument(root) : UNAVAILABLE;
        } catch (JacksonException notJson) {
            return UNAVAILABLE;
        }
    }

    private static Optional<Charset> charset(String encoding) {
        return Optional.ofNullable(switch (encoding.toLowerCase(Locale.ROOT)) {
            case "utf-8" -> StandardCharsets.UTF_8;
            case "utf-16" -> StandardCharsets.UTF_16LE;
            case "utf-32" -> Charset.forName("UTF-32LE");
            default -> null;
        });
    }

    /**
     * The value at {@code path}: undefined when the body is not queryable, the "missing" null when nothing is
     * there, and empty when the result is structured (an object, an array, several matches or a date).
     */
    Optional<Value> select(List<Segment> path) {
        if (root == null) {
            return Optional.of(Value.UNDEFINED);
        }
        List<JsonNode> current = List.of(root);
        for (Segment segment : path) {
            current = step(current, segment);
        }
        if (current.isEmpty()) {
            return Optional.of(Null.MISSING);
        }
        return current.size() == 1 ? scalar(current.get(0)) : Optional.empty();
    }

    private static List<JsonNode> step(List<JsonNode> current, Segment segment) {
        List<JsonNode> next = new ArrayList<>();
        for (JsonNode node : current) {
            if (!node.isObject()) {
                continue;
            }
            if (segment.name().equals("*")) {
                node.elements().forEachRemaining(next::add);
            } else if (node.has(segment.name())) {
                next.add(node.get(segment.name()));
            }
        }
        if (segment.index().isEmpty()) {
            return next;
        }
        int index = segment.index().getAsInt();
        return next.stream().filter(n -> n.isArray() && index < n.size()).map(n -> n.get(index)).toList();
    }

    private static Optional<Value> scalar(JsonNode node) {
        if (node.isBoolean()) {
            return Optional.of(Bool.of(node.booleanValue()));
        }
        if (node.isNumber()) {
            return Optional.of(new Num(node.doubleValue()));
        }
        if (node.isTextual()) {
            return IsoDates.looksLikeDate(node.textValue()) ? Optional.empty() : Optional.of(new Str(node.textValue()));
        }
        return node.isNull() ? Optional.of(Null.VALUE) : Optional.empty();
    }
}
