package io.edgestudio.docker;

/** A module container that could not be created, started, stopped or removed; the message says why. */
public class ContainerException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the module or container */
    public ContainerException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the module or container
     * @param cause the engine's or transport's error
     */
    public ContainerException(String message, Throwable cause) {
        super(message, cause);
    }
}
