package io.edgestudio.hub.store;

/** The durable store failed; the message it concerns was not accepted. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
