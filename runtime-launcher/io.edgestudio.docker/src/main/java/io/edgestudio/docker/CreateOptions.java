package io.edgestudio.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.DockerObjectAccessor;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module's Docker create options (the body of the Engine API's {@code POST /containers/create}: container
 * config plus {@code HostConfig} and {@code NetworkingConfig}), read the way the engine reads them: field names
 * case-insensitive, {@code Cmd}/{@code Entrypoint} as a string or an array, scalars not coerced. Every field
 * goes to the engine unchanged; a field Docker does not know, or a value of the wrong type, is a
 * {@link CreateOptionsException} naming its JSON path.
 */
public final class CreateOptions {

    /** Engine API HostConfig fields that docker-java does not model; they are passed through as they are. */
    private static final Map<String, JsonKind> HOST_CONFIG_PASS_THROUGH = Map.of(
            "KernelMemoryTCP", JsonKind.INTEGER,
            "MaskedPaths", JsonKind.STRINGS,
            "ReadonlyPaths", JsonKind.STRINGS);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .withCoercionConfig(LogicalType.Textual, strings -> strings
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private static final CreateOptions NONE = new CreateOptions(JsonNodeFactory.instance.objectNode());

    private final ObjectNode json;

    private CreateOptions(ObjectNode json) {
        this.json = json;
    }

    /**
     * Reads and checks create options.
     *
     * @param text the createOptions JSON string as in a deployment manifest; null or blank means none
     * @return the options
     * @throws CreateOptionsException if the text is not a JSON object Docker would accept
     */
    public static CreateOptions parse(String text) throws CreateOptionsException {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new CreateOptionsException("$", "not valid JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new CreateOptionsException("$", "must be a JSON object, not " + describe(tree));
        }
        CreateOptions options = new CreateOptions(object);
        options.applyTo(scratchCommand());
        return options;
    }

    /** A create command that is only filled, never sent: parsing checks every field against the Engine API. */
    static CreateContainerCmdImpl scratchCommand() {
        return new CreateContainerCmdImpl(command -> {
            throw new IllegalStateException("a create command used for checking createOptions is not sent");
        }, null, "checked");
    }

    /** @return the options as JSON (a copy) */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /**
     * Sets every field of these options on a create command; fields absent here keep the command's values.
     *
     * @param cmd the command to fill
     * @throws CreateOptionsException if a field does not fit the Engine API
     */
    void applyTo(CreateContainerCmd cmd) throws CreateOptionsException {
        ObjectNode body = json.deepCopy();
        EngineSyntax.check(body);
        Map<String, JsonNode> passThrough = takePassThrough(body);
        try {
            MAPPER.readerForUpdating(cmd).readValue(body);
        } catch (JsonMappingException e) {
            throw translate(e, body);
        } catch (IOException e) {
            throw new CreateOptionsException("$", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CreateOptionsException("$", e.getMessage());
        }
        if (!passThrough.isEmpty()) {
            HostConfig hostConfig = cmd.getHostConfig() == null ? new HostConfig() : cmd.getHostConfig();
            passThrough.forEach((name, value) -> DockerObjectAccessor.overrideRawValue(hostConfig, name,
                    MAPPER.convertValue(value, Object.class)));
            cmd.withHostConfig(hostConfig);
        }
    }

    /** Removes the pass-through fields from {@code HostConfig}, checking their types. */
    private static Map<String, JsonNode> takePassThrough(ObjectNode body) throws CreateOptionsException {
        Map<String, JsonNode> taken = new LinkedHashMap<>();
        String hostConfigKey = keyIgnoringCase(body, "HostConfig");
        if (hostConfigKey == null || !(body.get(hostConfigKey) instanceof ObjectNode hostConfig)) {
            return taken;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = hostConfig.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            for (var known : HOST_CONFIG_PASS_THROUGH.entrySet()) {
                if (known.getKey().equalsIgnoreCase(field.getKey())) {
                    String path = JsonPaths.child(JsonPaths.child("$", hostConfigKey), field.getKey());
                    known.getValue().check(path, field.getValue());
                    taken.put(known.getKey(), field.getValue());
                    it.remove();
                }
            }
        }
        return taken;
    }

    private static CreateOptionsException translate(JsonMappingException e, JsonNode body) {
        String path = "$";
        JsonNode node = body;
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path = JsonPaths.child(path, ref.getFieldName());
                node = node == null ? null : node.get(keyIgnoringCase(node, ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                path = JsonPaths.index(path, ref.getIndex());
                node = node == null ? null : node.get(ref.getIndex());
            }
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String parent = path.substring(0, path.length() - JsonPaths.child("", unknown.getPropertyName()).length());
            return new CreateOptionsException(path, "unknown field \"" + unknown.getPropertyName() + "\""
                    + FieldSuggestion.forName(unknown.getPropertyName(), unknown.getKnownPropertyIds())
                    + (parent.equals("$") ? "" : " in " + parent));
        }
        Class<?> target = targetType(e);
        if (target != null && (target.isEnum() || !(e instanceof ValueInstantiationException))) {
            return new CreateOptionsException(path, "expected " + describeJavaType(target) + ", found " + describe(node));
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return new CreateOptionsException(path, "invalid value " + describe(node) + ": " + e.getCause().getMessage());
        }
        return new CreateOptionsException(path, e.getOriginalMessage());
    }

    /** The type Jackson tried to read, when the exception tells. */
    private static Class<?> targetType(JsonMappingException e) {
        if (e instanceof ValueInstantiationException creator && creator.getType() != null) {
            return creator.getType().getRawClass();
        }
        if (e instanceof InvalidDefinitionException definition && definition.getType() != null) {
            // e.g. a string where the model wants an array: no creator takes a string
            return definition.getType().getRawClass();
        }
        return e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    }

    private static String describeJavaType(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> MAPPER.convertValue(constant, String.class)).toList();
        }
        return JsonKind.describeJavaType(type);
    }

    static String keyIgnoringCase(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        if (object.has(name)) {
            return name;
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
