package io.edgestudio.hub.manifest;

import io.edgestudio.routes.RouteDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * What the local hub needs from a deployment manifest: the agent's module list, the hub's routes and
 * store-and-forward settings, and each module's desired properties (only those present in the manifest).
 *
 * @param agentSchemaVersion {@code $edgeAgent} schema version
 * @param hubSchemaVersion {@code $edgeHub} schema version
 * @param systemModules edgeAgent and edgeHub, by name
 * @param modules the custom modules, by name, in manifest order
 * @param routes the routes, by name, in manifest order
 * @param timeToLiveSecs the global store-and-forward TTL; negative means infinite
 * @param desiredProperties per module, its {@code properties.desired} section from {@code modulesContent}
 */
public record DeploymentManifest(String agentSchemaVersion, String hubSchemaVersion,
        Map<String, ModuleSpec> systemModules, Map<String, ModuleSpec> modules, Map<String, RouteDefinition> routes,
        long timeToLiveSecs, Map<String, ObjectNode> desiredProperties) {

    /** edgeHub's TTL when the manifest configures none: infinite. */
    public static final long INFINITE_TTL = -1;

    /**
     * @param module a module name
     * @return the module's desired properties from the manifest, if the manifest has a section for it
     */
    public Optional<ObjectNode> desiredProperties(String module) {
        return Optional.ofNullable(desiredProperties.get(module));
    }
}
