package io.edgestudio.agent;

import io.edgestudio.hub.management.ModuleRuntimeStatus;

/** Told every time a module's runtime status changes (called with no lock held, from agent threads). */
@FunctionalInterface
public interface ModuleStatusListener {

    /** Ignores every change. */
    ModuleStatusListener NONE = (module, status) -> { };

    /**
     * @param module the module name
     * @param status its new status
     */
    void changed(String module, ModuleRuntimeStatus status);
}
