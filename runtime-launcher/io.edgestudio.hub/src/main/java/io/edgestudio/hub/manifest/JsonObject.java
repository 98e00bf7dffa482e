package io.edgestudio.hub.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A JSON object together with its path, with typed accessors whose errors name the offending path. */
record JsonObject(ObjectNode node, String path) {

    static JsonObject of(JsonNode node, String path) throws ManifestException {
        if (node == null || !node.isObject()) {
            throw new ManifestException(path, "expected an object but found " + describe(node));
        }
        return new JsonObject((ObjectNode) node, path);
    }

    String pathOf(String key) {
        return JsonPaths.child(path, key);
    }

    JsonObject object(String key) throws ManifestException {
        return of(required(key), pathOf(key));
    }

    Optional<JsonObject> optionalObject(String key) throws ManifestException {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(of(value, pathOf(key)));
    }

    String string(String key) throws ManifestException {
        JsonNode value = required(key);
        if (!value.isTextual()) {
            throw new ManifestException(pathOf(key), "expected a string but found " + describe(value));
        }
        return value.textValue();
    }

    Optional<String> optionalString(String key) throws ManifestException {
        return node.hasNonNull(key) ? Optional.of(string(key)) : Optional.empty();
    }

    Optional<Long> optionalInteger(String key, long min, long max) throws ManifestException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        long number;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            number = value.longValue();
        } else if (value.isTextual() && value.textValue().matches("-?[0-9]{1,18}")) {
            number = Long.parseLong(value.textValue());
        } else {
            throw new ManifestException(pathOf(key), "expected an integer but found " + describe(value));
        }
        if (number < min || number > max) {
            throw new ManifestException(pathOf(key), number + " is outside " + min + ".." + max);
        }
        return Optional.of(number);
    }

    List<Map.Entry<String, JsonNode>> fields() {
        return new ArrayList<>(node.properties());
    }

    private JsonNode required(String key) throws ManifestException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new ManifestException(pathOf(key), "required but missing");
        }
        return value;
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
