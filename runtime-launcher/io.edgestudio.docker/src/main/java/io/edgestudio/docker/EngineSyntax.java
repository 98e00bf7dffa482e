package io.edgestudio.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The parts of createOptions the engine reads differently from plain JSON mapping: string-or-array fields, and
 * strings with an inner syntax (bind specs, {@code port/protocol} keys), checked one by one so that an error
 * names the element rather than the whole list.
 */
final class EngineSyntax {

    private EngineSyntax() {
    }

    /** Normalises {@code body} in place and checks the inner syntax of its strings. */
    static void check(ObjectNode body) throws CreateOptionsException {
        for (String field : new String[] {"Cmd", "Entrypoint", "Shell"}) {
            wrapString(body, field);
        }
        if (child(body, "Healthcheck") instanceof ObjectNode healthcheck) {
            wrapString(healthcheck, "Test");
        }
        checkKeys(body, "$", "ExposedPorts", ExposedPort::parse, "a port such as \"8080/tcp\"");
        if (child(body, "HostConfig") instanceof ObjectNode hostConfig) {
            String path = JsonPaths.child("$", CreateOptions.keyIgnoringCase(body, "HostConfig"));
            checkKeys(hostConfig, path, "PortBindings", ExposedPort::parse, "a port such as \"8080/tcp\"");
            checkElements(hostConfig, path, "Binds", Bind::parse, "a bind such as \"/host/path:/container/path[:ro]\"");
        }
    }

    private static JsonNode child(ObjectNode object, String name) {
        String key = CreateOptions.keyIgnoringCase(object, name);
        return key == null ? null : object.get(key);
    }

    /** The engine reads a single string as a one-element list for these fields. */
    private static void wrapString(ObjectNode object, String name) {
        String key = CreateOptions.keyIgnoringCase(object, name);
        if (key != null && object.get(key).isTextual()) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode().add(object.get(key));
            object.set(key, list);
        }
    }

    private static void checkKeys(ObjectNode object, String parent, String name, Consumer<String> parser,
            String expected) throws CreateOptionsException {
        String key = CreateOptions.keyIgnoringCase(object, name);
        if (key != null && object.get(key).isObject()) {
            for (Map.Entry<String, JsonNode> entry : object.get(key).properties()) {
                check(JsonPaths.child(JsonPaths.child(parent, key), entry.getKey()), entry.getKey(), parser, expected);
            }
        }
    }

    private static void checkElements(ObjectNode object, String parent, String name, Consumer<String> parser,
            String expected) throws CreateOptionsException {
        String key = CreateOptions.keyIgnoringCase(object, name);
        if (key != null && object.get(key).isArray()) {
            int index = 0;
            for (JsonNode element : object.get(key)) {
                if (element.isTextual()) {
                    check(JsonPaths.index(JsonPaths.child(parent, key), index), element.asText(), parser, expected);
                }
                index++;
            }
        }
    }

    private static void check(String path, String value, Consumer<String> parser, String expected)
            throws CreateOptionsException {
        try {
            parser.accept(value);
        } catch (RuntimeException e) {
            throw new CreateOptionsException(path, "expected " + expected + ", found \"" + value + "\"");
        }
    }
}
