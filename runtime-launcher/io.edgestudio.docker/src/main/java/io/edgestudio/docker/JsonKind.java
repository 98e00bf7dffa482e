package io.edgestudio.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Map;

/** The JSON shapes create options use, for checking pass-through fields and for error messages. */
enum JsonKind {
    INTEGER("an integer"),
    STRINGS("an array of strings");

    private final String description;

    JsonKind(String description) {
        this.description = description;
    }

    void check(String path, JsonNode value) throws CreateOptionsException {
        boolean fits = switch (this) {
            case INTEGER -> value.isIntegralNumber();
            case STRINGS -> value.isArray() && allTextual(value);
        };
        if (!fits) {
            throw new CreateOptionsException(path, "expected " + description + ", found "
                    + CreateOptions.describe(value));
        }
    }

    private static boolean allTextual(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** Describes what JSON a docker-java model type is read from. */
    static String describeJavaType(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (type == Float.class || type == float.class || type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == String[].class) {
            return "an array of strings";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }
}
