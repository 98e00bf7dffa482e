package io.edgestudio.agent;

/** A module cannot be started; the message names the module and, for bad configuration, the place. */
public final class ModuleStartException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public ModuleStartException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ModuleStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
