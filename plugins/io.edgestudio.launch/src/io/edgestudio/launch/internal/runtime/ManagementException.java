package io.edgestudio.launch.internal.runtime;

/** The management API answered with an error status. */
public final class ManagementException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the HTTP status
     * @param message what the API said
     */
    public ManagementException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }
}
