package io.edgestudio.hub.manifest;

import java.util.Map;

/**
 * One module of {@code $edgeAgent.properties.desired} ({@code modules} or {@code systemModules}).
 *
 * @param name the module name (the key in the manifest)
 * @param type the module type, {@code docker}
 * @param status {@code running} or {@code stopped}; null for edgeAgent
 * @param restartPolicy {@code never}, {@code on-failure}, {@code on-unhealthy} or {@code always}; null for edgeAgent
 * @param image the image reference from {@code settings.image}
 * @param createOptions the create options as one JSON string (objects stringified, chunks joined); may be empty
 * @param env the environment, values as strings
 * @param startupOrder the start order; {@link #DEFAULT_STARTUP_ORDER} when absent
 */
public record ModuleSpec(String name, String type, String status, String restartPolicy, String image,
        String createOptions, Map<String, String> env, long startupOrder) {

    /** The start order of a module without {@code startupOrder}: start last. */
    public static final long DEFAULT_STARTUP_ORDER = 4294967295L;

    /** Copies the environment. */
    public ModuleSpec {
        env = Map.copyOf(env);
    }
}
