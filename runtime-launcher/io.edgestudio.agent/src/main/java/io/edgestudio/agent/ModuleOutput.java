package io.edgestudio.agent;

/** Receives the output of modules line by line (called from reader threads). */
@FunctionalInterface
public interface ModuleOutput {

    /** Drops every line. */
    ModuleOutput DISCARD = (module, error, line) -> { };

    /**
     * @param module the module name
     * @param error whether the line came from stderr
     * @param line the line, without its terminator
     */
    void line(String module, boolean error, String line);
}
