package io.edgestudio.agent.process;

/** The side file {@code edge-run.json} is not usable; the message names the file and the JSON path. */
public final class RunFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message file, JSON path and problem */
    public RunFileException(String message) {
        super(message);
    }
}
