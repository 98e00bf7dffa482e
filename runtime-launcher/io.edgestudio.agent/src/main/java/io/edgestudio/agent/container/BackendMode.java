package io.edgestudio.agent.container;

import java.util.Locale;

/** Where the agent runs the modules of a deployment ({@code edge run --backend}). */
public enum BackendMode {
    /**
     * A module with a local command (an {@code edge-run.json} entry, a generated Java module) runs as a process;
     * a module with only an image runs as a container when a Docker engine answers, else as the process backend
     * runs it (a built-in stand-in, or an error saying what to add). A module with a built-in stand-in runs as a
     * container only when the engine already has its image and another module needs the engine anyway.
     */
    AUTO,
    /** Every module runs as a local process; no Docker engine is asked for anything but leftovers. */
    PROCESS,
    /**
     * Containers first: every module whose image the engine has, or that has neither a local command nor a
     * built-in stand-in, runs as a container (pulled if missing); only a module with a local command or stand-in
     * whose image is not there runs as a process. No engine is an error.
     */
    DOCKER;

    /**
     * @param value {@code auto}, {@code process} or {@code docker} (any case)
     * @return the mode
     * @throws IllegalArgumentException for anything else
     */
    public static BackendMode of(String value) {
        for (BackendMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("backend must be auto, process or docker, not \"" + value + "\"");
    }

    /** @return the option value, e.g. {@code auto} */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
