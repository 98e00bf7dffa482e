package io.edgestudio.docker;

/**
 * Receives what a module container prints, line by line, and the progress of an image pull. Called from
 * background threads (one per container stream); implementations must be thread-safe.
 */
public interface ModuleOutput {

    /** Which output stream a line came from. */
    enum Stream {
        STDOUT, STDERR
    }

    /**
     * One line of output, without its line terminator.
     *
     * @param module the module name
     * @param stream stdout or stderr (a container with a TTY reports everything as stdout)
     * @param line the text, decoded as UTF-8
     */
    void line(String module, Stream stream, String line);

    /**
     * A progress report while the module's image is pulled; ignored by default.
     *
     * @param module the module name
     * @param progress the engine's report
     */
    default void pull(String module, PullProgress progress) {
    }

    /** Output that goes nowhere. */
    ModuleOutput DISCARD = (module, stream, line) -> {
    };
}
