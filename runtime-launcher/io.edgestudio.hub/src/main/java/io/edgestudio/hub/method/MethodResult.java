package io.edgestudio.hub.method;

/**
 * The outcome of a direct method call, as edgeHub's API returns it.
 *
 * @param status the module's status code, or 404 (module not connected or not listening), 504 (timeout)
 * @param payload the response payload as JSON text ({@code null} JSON when none)
 * @param answered whether the module answered (false for the hub's own 404 and 504)
 */
public record MethodResult(int status, String payload, boolean answered) {

    /** The module is not connected or has not subscribed to methods. */
    public static final int NOT_FOUND = 404;
    /** The module did not answer in time. */
    public static final int GATEWAY_TIMEOUT = 504;

    /**
     * @param status the status the module answered with
     * @param payload its payload as JSON text
     */
    public MethodResult(int status, String payload) {
        this(status, payload, true);
    }

    /** @return the hub's answer for a module that is not connected or does not listen for methods */
    public static MethodResult notListening() {
        return new MethodResult(NOT_FOUND, "null", false);
    }

    /** @return the hub's answer for a module that did not answer in time */
    public static MethodResult timedOut() {
        return new MethodResult(GATEWAY_TIMEOUT, "null", false);
    }
}
