package io.edgestudio.cli;

/** The edge answered but refused the request: unknown module, bad input, a method that failed, ... */
final class RemoteEdgeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the HTTP status of the edge's answer
     * @param message the edge's error message
     */
    RemoteEdgeException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the HTTP status of the edge's answer */
    int status() {
        return status;
    }
}
