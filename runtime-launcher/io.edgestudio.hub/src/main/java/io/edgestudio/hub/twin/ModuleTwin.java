package io.edgestudio.hub.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A module twin: desired and reported properties, each with its {@code $version}. Immutable; updates return
 * a new twin.
 *
 * @param desired desired properties without {@code $version}
 * @param desiredVersion the desired version, 1 for a new twin
 * @param reported reported properties without {@code $version}
 * @param reportedVersion the reported version, 1 for a new twin
 */
public record ModuleTwin(ObjectNode desired, long desiredVersion, ObjectNode reported, long reportedVersion) {

    /** The property name IoT Hub uses for versions. */
    public static final String VERSION = "$version";

    /** Copies the trees so nobody shares them. */
    public ModuleTwin {
        desired = desired.deepCopy();
        reported = reported.deepCopy();
        desired.remove(VERSION);
        reported.remove(VERSION);
    }

    /** @return an empty twin at versions 1 */
    public static ModuleTwin empty() {
        return new ModuleTwin(JsonNodeFactory.instance.objectNode(), 1, JsonNodeFactory.instance.objectNode(), 1);
    }

    /** @return the twin as the MQTT GET answers it: {@code {"desired":{...,"$version":n},"reported":{...}}} */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("desired", desired.deepCopy().put(VERSION, desiredVersion));
        json.set("reported", reported.deepCopy().put(VERSION, reportedVersion));
        return json;
    }

    /**
     * @param json a twin as {@link #toJson()} writes it
     * @return the twin
     */
    public static ModuleTwin fromJson(JsonNode json) {
        ObjectNode desired = (ObjectNode) json.path("desired");
        ObjectNode reported = (ObjectNode) json.path("reported");
        return new ModuleTwin(desired, desired.path(VERSION).asLong(1), reported, reported.path(VERSION).asLong(1));
    }

    /**
     * @param patch a JSON merge patch (null deletes)
     * @return the twin with reported properties patched and the reported version increased
     */
    public ModuleTwin patchReported(ObjectNode patch) {
        return new ModuleTwin(desired, desiredVersion, merge(reported.deepCopy(), patch), reportedVersion + 1);
    }

    /**
     * @param patch a JSON merge patch (null deletes)
     * @return the twin with desired properties patched and the desired version increased
     */
    public ModuleTwin patchDesired(ObjectNode patch) {
        return new ModuleTwin(merge(desired.deepCopy(), patch), desiredVersion + 1, reported, reportedVersion);
    }

    /**
     * @param replacement the new desired properties (a manifest's {@code properties.desired})
     * @return the twin with desired replaced; the version increases only if something changed
     */
    public ModuleTwin replaceDesired(ObjectNode replacement) {
        ObjectNode clean = replacement.deepCopy();
        clean.remove(VERSION);
        return clean.equals(desired) ? this : new ModuleTwin(clean, desiredVersion + 1, reported, reportedVersion);
    }

    private static ObjectNode merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals(VERSION)) {
                continue;
            }
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && target.get(name) instanceof ObjectNode existing) {
                merge(existing, (ObjectNode) value);
            } else {
                target.set(name, value.deepCopy());
            }
        }
        return target;
    }
}
