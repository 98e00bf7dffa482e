package io.edgestudio.hub.management;

import java.util.Optional;

/**
 * What runs the deployment's modules (the agent), as the management API sees it: each module's runtime status
 * and the start, stop and restart actions. The hub itself runs no modules; an agent attaches one.
 */
public interface ModuleRuntime {

    /**
     * @param module a module of the deployment
     * @return its runtime status, empty if the runtime does not manage it
     */
    Optional<ModuleRuntimeStatus> status(String module);

    /**
     * Sets the module's desired status to running and starts it if it is not running.
     *
     * @param module a module of the deployment
     * @throws IllegalStateException if the runtime does not manage the module
     */
    void start(String module);

    /**
     * Sets the module's desired status to stopped and stops it (gracefully, then forcibly).
     *
     * @param module a module of the deployment
     * @throws IllegalStateException if the runtime does not manage the module
     */
    void stop(String module);

    /**
     * Stops the module if it runs and starts it again, with a fresh back-off.
     *
     * @param module a module of the deployment
     * @throws IllegalStateException if the runtime does not manage the module
     */
    void restart(String module);
}
