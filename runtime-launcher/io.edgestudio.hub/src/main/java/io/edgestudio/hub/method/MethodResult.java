package io.edgestudio.hub.method;

/**
 * The outcome of a direct method call, as edgeHub's API returns it.
 *
 * @param status the module's status code, or 404 (module not connected or not listening), 504 (timeout)
 * @param payload the response payload as JSON text ({@code null} JSON when none)
 */
public record MethodResult(int status, String payload) {

    /** The module is not connected or has not subscribed to methods. */
    public static final int NOT_FOUND = 404;
    /** The module did not answer in time. */
    public static final int GATEWAY_TIMEOUT = 504;
}
