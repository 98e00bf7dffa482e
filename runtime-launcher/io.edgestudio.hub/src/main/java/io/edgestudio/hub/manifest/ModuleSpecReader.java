package io.edgestudio.hub.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reads the module sections of {@code $edgeAgent.properties.desired}. */
final class ModuleSpecReader {

    private static final Pattern MODULE_NAME = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final Pattern CREATE_OPTIONS = Pattern.compile("(?i)createOptions([0-9]{2})?");
    private static final int MAX_CHUNKS = 100;

    private final ObjectMapper mapper;

    ModuleSpecReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Map<String, ModuleSpec> read(JsonObject section, boolean system) throws ManifestException {
        Map<String, ModuleSpec> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : section.fields()) {
            String name = entry.getKey();
            if (!system && !MODULE_NAME.matcher(name).matches()) {
                throw new ManifestException(section.pathOf(name), "module names must match [a-zA-Z0-9_-]+");
            }
            result.put(name, module(name, JsonObject.of(entry.getValue(), section.pathOf(name)), system));
        }
        return Collections.unmodifiableMap(result);
    }

    private ModuleSpec module(String name, JsonObject module, boolean system) throws ManifestException {
        boolean agent = system && "edgeAgent".equals(name);
        String status = agent ? null : module.string("status");
        String restartPolicy = agent ? null : module.string("restartPolicy");
        JsonObject settings = module.object("settings");
        long startupOrder = module.optionalInteger("startupOrder", 0, ModuleSpec.DEFAULT_STARTUP_ORDER)
                .orElse(ModuleSpec.DEFAULT_STARTUP_ORDER);
        return new ModuleSpec(name, module.string("type"), status, restartPolicy, settings.string("image"),
                createOptions(settings), env(module), startupOrder);
    }

    private Map<String, String> env(JsonObject module) throws ManifestException {
        Map<String, String> env = new LinkedHashMap<>();
        if (module.optionalObject("env").isEmpty()) {
            return env;
        }
        JsonObject section = module.object("env");
        for (Map.Entry<String, JsonNode> entry : section.fields()) {
            JsonObject variable = JsonObject.of(entry.getValue(), section.pathOf(entry.getKey()));
            JsonNode value = variable.node().get("value");
            if (value == null || !value.isValueNode()) {
                throw new ManifestException(variable.pathOf("value"), "expected a string, number or boolean");
            }
            env.put(entry.getKey(), value.isNull() ? "" : value.asText());
        }
        return env;
    }

    /** Joins {@code createOptions}, {@code createOptions01}, ... (contiguous) or stringifies an object. */
    private String createOptions(JsonObject settings) throws ManifestException {
        TreeMap<Integer, Map.Entry<String, JsonNode>> chunks = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : settings.fields()) {
            var matcher = CREATE_OPTIONS.matcher(field.getKey());
            if (matcher.matches()) {
                chunks.put(matcher.group(1) == null ? 0 : Integer.parseInt(matcher.group(1)), field);
            }
        }
        if (chunks.isEmpty()) {
            return "";
        }
        Map.Entry<String, JsonNode> first = chunks.get(0);
        if (first == null) {
            throw new ManifestException(settings.pathOf(chunks.firstEntry().getValue().getKey()),
                    "chunk without a preceding \"createOptions\"");
        }
        if (first.getValue().isObject()) {
            return stringify(first.getValue(), settings.pathOf(first.getKey()));
        }
        StringBuilder joined = new StringBuilder();
        int expected = 0;
        for (Map.Entry<Integer, Map.Entry<String, JsonNode>> chunk : chunks.entrySet()) {
            String path = settings.pathOf(chunk.getValue().getKey());
            if (chunk.getKey() != expected || expected >= MAX_CHUNKS) {
                throw new ManifestException(path, "expected createOptions" + String.format("%02d", expected));
            }
            if (!chunk.getValue().getValue().isTextual()) {
                throw new ManifestException(path, "expected a string but found "
                        + JsonObject.describe(chunk.getValue().getValue()));
            }
            joined.append(chunk.getValue().getValue().textValue());
            expected++;
        }
        return joined.toString();
    }

    private String stringify(JsonNode options, String path) throws ManifestException {
        try {
            return mapper.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new ManifestException(path, "cannot be written as JSON: " + e.getOriginalMessage());
        }
    }
}
