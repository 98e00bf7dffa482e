package io.edgestudio.agent;

import io.edgestudio.agent.container.BackendMode;
import io.edgestudio.agent.container.ModuleBackends;
import io.edgestudio.hub.LocalEdgeHub;
import io.edgestudio.hub.LocalEdgeHubOptions;
import io.edgestudio.hub.manifest.DeploymentManifest;
import io.edgestudio.hub.manifest.ManifestLoader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A real hub with its management API plus the agent, on a loopback address of their own; closed by the test. */
final class AgentFixture implements AutoCloseable {

    final Path solution;
    final Path state;
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Map<String, List<String>> statuses = new ConcurrentHashMap<>();
    LocalEdgeHub hub;
    EdgeAgent agent;
    ModuleBackends backends;
    private final HttpClient http = HttpClient.newHttpClient();

    AgentFixture(Path directory) throws IOException {
        solution = Files.createDirectories(directory.resolve("solution"));
        state = directory.resolve("state");
    }

    /** A manifest with the given {@code "name": {module}} members and routes. */
    static String manifest(String modules, String routes) {
        return """
                {"modulesContent": {
                  "$edgeAgent": {"properties.desired": {"schemaVersion": "1.1",
                    "systemModules": {
                      "edgeAgent": {"type": "docker", "settings": {"image": "agent"}},
                      "edgeHub": {"type": "docker", "status": "running", "restartPolicy": "always",
                                  "settings": {"image": "hub"}}},
                    "modules": {%s}}},
                  "$edgeHub": {"properties.desired": {"schemaVersion": "1.1", "routes": {%s},
                    "storeAndForwardConfiguration": {"timeToLiveSecs": 7200}}}}}
                """.formatted(modules, routes);
    }

    static String module(String image, String restartPolicy, String status, long startupOrder) {
        return """
                {"type": "docker", "status": "%s", "restartPolicy": "%s", "startupOrder": %d,
                 "settings": {"image": "%s"}, "env": {"GREETING": {"value": "hello"}}}
                """.formatted(status, restartPolicy, startupOrder, image);
    }

    void runFile(String json) throws IOException {
        Files.writeString(solution.resolve("edge-run.json"), json);
    }

    AgentFixture start(String manifestJson, AgentOptions options, String host) throws Exception {
        return start(manifestJson, options, host, null);
    }

    /**
     * Starts hub and agent; with a backend mode, the hub also runs its workload API on 127.0.0.1 and the modules
     * run where the mode puts them (Docker at {@code DOCKER_HOST}).
     */
    AgentFixture start(String manifestJson, AgentOptions options, String host, BackendMode mode) throws Exception {
        DeploymentManifest manifest = new ManifestLoader().load(manifestJson);
        LocalEdgeHubOptions hubOptions = LocalEdgeHubOptions.defaults(state, host)
                .withManagementAddress(new InetSocketAddress(host, 0));
        if (host.equals("127.0.0.1")) {
            hubOptions = hubOptions.withTlsAddress(new InetSocketAddress(host, 0));
        }
        if (mode != null) {
            hubOptions = hubOptions.withWorkloadAddress(new InetSocketAddress("127.0.0.1", 0));
        }
        ModuleBackend backend;
        if (mode == null) {
            backend = EdgeAgent.processBackend(state, options);
        } else {
            backends = ModuleBackends.choose(mode, manifest, state, hubOptions.deviceId(), options);
            backend = backends;
        }
        hub = LocalEdgeHub.start(manifest, hubOptions);
        agent = EdgeAgent.start(hub, manifest, state, options, backend,
                (module, error, line) -> lines.add(module + (error ? "! " : ": ") + line),
                (module, status) -> statuses.computeIfAbsent(module, m -> new CopyOnWriteArrayList<>())
                        .add(status.runtimeStatus()));
        return this;
    }

    AgentOptions options() {
        return AgentOptions.defaults(solution).withBackoff(
                new RestartBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(10)));
    }

    String status(String module) {
        return agent.supervisor().status(module).orElseThrow().runtimeStatus();
    }

    String output() {
        return lines.stream().collect(Collectors.joining("\n"));
    }

    HttpResponse<String> http(String method, String path, String body) throws Exception {
        String base = hub.management().orElseThrow().baseUri();
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (agent != null) {
            agent.close();
        } else if (backends != null) {
            backends.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    /** A loopback address whose port 8883 is free (the SDK always connects there). */
    static String freeLoopbackWithSdkPort() throws IOException {
        int first = new Random().nextInt(250);
        for (int i = 0; i < 250; i++) {
            String host = "127.0.0." + (2 + (first + i) % 250);
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getByName(host), LocalEdgeHubOptions.MQTT_TLS_PORT));
                return host;
            } catch (IOException inUse) {
                // try the next address
            }
        }
        throw new IllegalStateException("no loopback address with port 8883 free");
    }

    static List<String> list(String... items) {
        return new ArrayList<>(List.of(items));
    }
}
