package io.edgestudio.docker;

/**
 * No Docker engine answers at the configured host: the caller falls back to another backend or skips.
 * The message names the host and the reason (socket missing, connection refused, ...).
 */
public final class NoDockerEngineException extends ContainerException {

    private static final long serialVersionUID = 1L;

    private final String host;

    /**
     * @param host the Docker host that was tried, e.g. {@code unix:///var/run/docker.sock}
     * @param reason why it did not answer
     * @param cause the transport's error, or null
     */
    public NoDockerEngineException(String host, String reason, Throwable cause) {
        super("no Docker engine at " + host + ": " + reason, cause);
        this.host = host;
    }

    /** @return the Docker host that was tried */
    public String host() {
        return host;
    }
}
