package io.edgestudio.agent;

import io.edgestudio.hub.manifest.ModuleSpec;
import java.util.Map;

/**
 * What a backend needs to start one run of a module: the manifest's description (image, createOptions, env)
 * and the complete environment the agent gives it (manifest env, connection string, {@code IOTEDGE_*}).
 *
 * @param spec the module as the deployment manifest describes it
 * @param environment the variables the module runs with, in addition to nothing else (backends add none)
 * @param generationId distinguishes the runs of the runtime; backends label what they create with it
 */
public record ModuleLaunch(ModuleSpec spec, Map<String, String> environment, String generationId) {

    /** Copies the environment. */
    public ModuleLaunch {
        environment = Map.copyOf(environment);
    }

    /** @return the module name */
    public String module() {
        return spec.name();
    }
}
