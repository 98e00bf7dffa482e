package io.edgestudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --set path=value} of {@code edge twin}: a dotted property path and a typed JSON value. The value
 * is JSON when it parses as JSON ({@code 25}, {@code true}, {@code null}, {@code {"a":1}}, {@code "text"}) and a
 * string otherwise ({@code eco}); {@code null} deletes the property, as in any twin patch.
 *
 * @param path the property names from the top of the desired properties
 * @param value the new value
 */
record TwinSetting(List<String> path, JsonNode value) {

    /** Freezes the path. */
    TwinSetting {
        path = List.copyOf(path);
    }

    /**
     * @param text {@code path=value}
     * @return the setting
     * @throws IllegalArgumentException saying what is wrong
     */
    static TwinSetting parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("'" + text + "' is not path=value (for example threshold=25)");
        }
        String path = text.substring(0, equals);
        List<String> names = Arrays.asList(path.split("\\.", -1));
        if (names.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("'" + path + "' has an empty property name");
        }
        if (names.stream().anyMatch(name -> name.startsWith("$"))) {
            throw new IllegalArgumentException("'" + path + "': names starting with $ belong to the twin itself");
        }
        String raw = text.substring(equals + 1);
        JsonNode value;
        try {
            value = JsonArgument.parse(raw, null);
        } catch (TypeConversionException notJson) {
            value = TextNode.valueOf(raw);
        }
        return new TwinSetting(names, value);
    }

    /**
     * @param settings the settings in command-line order
     * @return the desired-properties patch that applies all of them
     * @throws IllegalArgumentException if two settings collide (one sets a value where another sets a child)
     */
    static ObjectNode patch(List<TwinSetting> settings) {
        ObjectNode patch = EdgeClient.JSON.createObjectNode();
        for (TwinSetting setting : settings) {
            ObjectNode parent = patch;
            for (int i = 0; i < setting.path.size() - 1; i++) {
                String name = setting.path.get(i);
                JsonNode child = parent.get(name);
                if (child == null) {
                    parent = parent.putObject(name);
                } else if (child instanceof ObjectNode object) {
                    parent = object;
                } else {
                    throw conflict(setting, i);
                }
            }
            String last = setting.path.getLast();
            if (parent.has(last)) {
                throw conflict(setting, setting.path.size() - 1);
            }
            parent.set(last, setting.value);
        }
        return patch;
    }

    private static IllegalArgumentException conflict(TwinSetting setting, int depth) {
        return new IllegalArgumentException("--set " + String.join(".", setting.path)
                + " conflicts with an earlier --set of " + String.join(".", setting.path.subList(0, depth + 1)));
    }

    /** Converts {@code --set}. */
    static final class Converter implements ITypeConverter<TwinSetting> {
        @Override
        public TwinSetting convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
