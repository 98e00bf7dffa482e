package io.edgestudio.cli;

/** No edge answers at the address: nothing listens there, or the connection failed or timed out. */
final class EdgeUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param address the edge's address
     * @param cause what the connection attempt reported
     */
    EdgeUnreachableException(EdgeAddress address, Throwable cause) {
        super("cannot reach an edge at " + address + " (" + describe(cause) + ").\n"
                + "Start one with `edge run <solution.edge|deployment.json>` (or `java -jar "
                + "io.edgestudio.hub-<version>-all.jar --manifest <deployment.json>`),\n"
                + "or name a running edge with --edge <host:port> or $" + EdgeOption.ENVIRONMENT + ".", cause);
    }

    private static String describe(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused";
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return "no answer in time";
            }
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
