package io.edgestudio.hub.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a deployment manifest in the real IoT Edge format: a final manifest or an expanded template,
 * bare ({@code {"modulesContent":...}}) or wrapped ({@code {"content":{"modulesContent":...}}}).
 * Every error names the JSON path of the offending value.
 */
public final class ManifestLoader {

    private static final String MODULES_CONTENT = "modulesContent";
    private static final String DESIRED = "properties.desired";

    private final ObjectMapper mapper = new ObjectMapper();
    private final ModuleSpecReader modules = new ModuleSpecReader(mapper);

    /**
     * @param file a manifest file
     * @param expander expands template placeholders before loading
     * @return the manifest
     * @throws ManifestException if the file is not a valid manifest
     * @throws IOException if the file cannot be read
     */
    public DeploymentManifest load(Path file, TemplateExpander expander) throws ManifestException, IOException {
        return load(expander.expand(parse(Files.readString(file))));
    }

    /**
     * @param json manifest text (already expanded)
     * @return the manifest
     * @throws ManifestException if the text is not a valid manifest
     */
    public DeploymentManifest load(String json) throws ManifestException {
        return load(parse(json));
    }

    /**
     * @param root the manifest tree (already expanded)
     * @return the manifest
     * @throws ManifestException if the tree is not a valid manifest
     */
    public DeploymentManifest load(JsonNode root) throws ManifestException {
        JsonObject top = JsonObject.of(root, JsonPaths.ROOT);
        if (!root.has(MODULES_CONTENT) && root.has("content")) {
            top = top.object("content");
        }
        JsonObject content = top.object(MODULES_CONTENT);
        JsonObject agent = content.object("$edgeAgent").object(DESIRED);
        JsonObject hub = content.object("$edgeHub").object(DESIRED);
        return new DeploymentManifest(agent.string("schemaVersion"), hub.string("schemaVersion"),
                modules.read(agent.object("systemModules"), true), modules.read(agent.object("modules"), false),
                RoutesReader.read(hub.object("routes")), timeToLive(hub), desiredProperties(content));
    }

    private JsonNode parse(String json) throws ManifestException {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ManifestException(JsonPaths.ROOT, "not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private static long timeToLive(JsonObject hub) throws ManifestException {
        Optional<JsonObject> storeAndForward = hub.optionalObject("storeAndForwardConfiguration");
        if (storeAndForward.isEmpty()) {
            return DeploymentManifest.INFINITE_TTL;
        }
        return storeAndForward.get().optionalInteger("timeToLiveSecs", Integer.MIN_VALUE, Integer.MAX_VALUE)
                .orElse(DeploymentManifest.INFINITE_TTL);
    }

    private static Map<String, ObjectNode> desiredProperties(JsonObject content) throws ManifestException {
        Map<String, ObjectNode> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : content.fields()) {
            String module = entry.getKey();
            if (module.startsWith("$")) {
                continue;
            }
            Optional<JsonObject> desired = JsonObject.of(entry.getValue(), content.pathOf(module))
                    .optionalObject(DESIRED);
            if (desired.isPresent()) {
                result.put(module, desired.get().node().deepCopy());
            }
        }
        return Collections.unmodifiableMap(result);
    }
}
