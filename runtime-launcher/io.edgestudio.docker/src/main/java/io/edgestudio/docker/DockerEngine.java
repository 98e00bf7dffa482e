package io.edgestudio.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to a Docker engine, found through {@code DOCKER_HOST} (plus {@code DOCKER_TLS_VERIFY} and
 * {@code DOCKER_CERT_PATH} for TCP) or the default socket {@value #DEFAULT_HOST}. {@link #connect()} answers
 * only when the engine responds, so a caller knows at once whether containers are possible.
 */
public final class DockerEngine implements AutoCloseable {

    /** The engine's socket when {@code DOCKER_HOST} is not set. */
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private static final Logger LOG = LoggerFactory.getLogger(DockerEngine.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    // Each running module holds two streams (output and wait) open.
    private static final int MAX_CONNECTIONS = 256;

    private final String host;
    private final DockerClient client;
    private final String version;
    private final String apiVersion;

    private DockerEngine(String host, DockerClient client, Version version) {
        this.host = host;
        this.client = client;
        this.version = version.getVersion();
        this.apiVersion = version.getApiVersion();
    }

    /** @return {@code DOCKER_HOST} when set, else {@value #DEFAULT_HOST} */
    public static String configuredHost() {
        String fromEnvironment = System.getenv("DOCKER_HOST");
        return fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_HOST : fromEnvironment.trim();
    }

    /**
     * Connects to the engine at {@link #configuredHost()}.
     *
     * @return the engine, which answered a ping
     * @throws NoDockerEngineException if none answers there
     */
    public static DockerEngine connect() throws NoDockerEngineException {
        return connect(configuredHost());
    }

    /**
     * Connects to the engine at a host such as {@code unix:///run/docker.sock} or {@code tcp://127.0.0.1:2375}.
     *
     * @param host the Docker host
     * @return the engine, which answered a ping
     * @throws NoDockerEngineException if none answers there
     */
    public static DockerEngine connect(String host) throws NoDockerEngineException {
        DockerClientConfig config;
        try {
            config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        } catch (RuntimeException e) {
            throw new NoDockerEngineException(host, "not a usable Docker host (" + e.getMessage() + ")", e);
        }
        URI uri = config.getDockerHost();
        if ("unix".equals(uri.getScheme()) && !Files.exists(Path.of(uri.getPath()))) {
            throw new NoDockerEngineException(host, "socket " + uri.getPath() + " does not exist", null);
        }
        Version version = probe(config, host);
        DockerClient client = DockerClientImpl.getInstance(config, httpClient(config, null));
        LOG.debug("Docker engine {} (API {}) at {}", version.getVersion(), version.getApiVersion(), host);
        return new DockerEngine(host, client, version);
    }

    /** Pings with a bounded wait so that a hung engine counts as absent. */
    private static Version probe(DockerClientConfig config, String host) throws NoDockerEngineException {
        try (DockerClient probe = DockerClientImpl.getInstance(config, httpClient(config, PROBE_TIMEOUT))) {
            probe.pingCmd().exec();
            return probe.versionCmd().exec();
        } catch (IOException | RuntimeException e) {
            throw new NoDockerEngineException(host, rootMessage(e), e);
        }
    }

    private static ApacheDockerHttpClient httpClient(DockerClientConfig config, Duration responseTimeout) {
        // Without a response timeout: output and wait streams stay open as long as the container runs.
        return new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(responseTimeout)
                .build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /**
     * The containers of one edge: each edge (a local runtime instance) labels its containers with its id, so
     * several edges can share one engine.
     *
     * @param edgeId the edge's id (stored in the label {@value ModuleContainers#EDGE_LABEL})
     * @return the edge's containers
     */
    public ModuleContainers containers(String edgeId) {
        return containers(edgeId, List.of());
    }

    /**
     * The containers of one edge, pulling images with registry credentials.
     *
     * @param edgeId the edge's id (stored in the label {@value ModuleContainers#EDGE_LABEL})
     * @param credentials the manifest's registry credentials; an image's registry picks the entry
     * @return the edge's containers
     */
    public ModuleContainers containers(String edgeId, List<RegistryCredentials> credentials) {
        return new ModuleContainers(client, edgeId, credentials);
    }

    /** @return the Docker host this engine was reached at */
    public String host() {
        return host;
    }

    /** @return the engine's version, e.g. {@code 20.10.24+dfsg1} */
    public String version() {
        return version;
    }

    /** @return the engine's API version, e.g. {@code 1.41} */
    public String apiVersion() {
        return apiVersion;
    }

    /** The docker-java client, for tests and diagnostics. */
    DockerClient client() {
        return client;
    }

    /** Closes the connection; containers keep running. */
    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("closing the Docker client", e);
        }
    }

    @Override
    public String toString() {
        return "Docker " + version + " at " + host;
    }
}
