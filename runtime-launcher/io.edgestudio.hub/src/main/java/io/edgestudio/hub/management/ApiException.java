package io.edgestudio.hub.management;

/** A request the management API refuses, with the HTTP status and a message for the JSON error body. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the HTTP status (4xx or 5xx)
     * @param message what went wrong, for the caller
     */
    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }
}
