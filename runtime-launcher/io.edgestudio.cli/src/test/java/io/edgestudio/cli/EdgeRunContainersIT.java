package io.edgestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgestudio.agent.container.ContainerBackend;
import io.edgestudio.docker.ContainerException;
import io.edgestudio.docker.ContainerInfo;
import io.edgestudio.docker.DockerEngine;
import io.edgestudio.docker.NoDockerEngineException;
import io.edgestudio.hub.testing.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edge run --backend ...} as users start it (target/edge.jar in a JVM of its own): with {@code auto}, a
 * module with a command in edge-run.json runs as a process and a module with only an image as a container on the
 * real Docker engine at {@code DOCKER_HOST} (busybox test image; skipped without one, failed under CI=true);
 * SIGTERM leaves neither. {@code --backend docker} without an engine exits with 6.
 */
class EdgeRunContainersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String IMAGE = System.getenv().getOrDefault("EDGE_TEST_IMAGE", "edgestudio-test/busybox:local");
    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    @TempDir
    Path dir;

    private final List<Process> edges = new ArrayList<>();

    @AfterEach
    void killAll() throws Exception {
        for (Process edge : edges) {
            if (edge.isAlive()) {
                edge.toHandle().destroy();
                if (!edge.waitFor(30, TimeUnit.SECONDS)) {
                    edge.destroyForcibly();
                }
            }
        }
    }

    @Test
    void autoRunsTheModuleWithACommandAsProcessAndTheImageOnlyModuleAsContainer() throws Exception {
        DockerEngine engine = engine();
        Path solution = solution();
        Path state = dir.resolve("state");
        List<String> output = new CopyOnWriteArrayList<>();
        Process edge = start(solution, state, output, Map.of(), "--backend", "auto");
        String edgeId = ContainerBackend.edgeId("edgestudio-device", state);
        try {
            Await.until("both modules up; output:\n" + String.join("\n", output), WAIT,
                    () -> output.stream().anyMatch(l -> l.contains("proc up"))
                            && output.stream().anyMatch(l -> l.contains("box up module=box")));
            // the workload API runs by default; both backends give modules its URI
            String workload = output.stream().filter(l -> l.contains("workload API http://localhost:")).findFirst()
                    .orElseThrow().replaceAll(".*workload API (http://localhost:[0-9]+/).*", "$1");
            assertThat(output).anyMatch(l -> l.endsWith("box up module=box workload=" + workload));
            assertThat(Files.readString(state.resolve("modules/proc.env"))).contains("IOTEDGE_WORKLOADURI=" + workload);
            assertThat(output).anyMatch(l -> l.contains("proc runs as process (command in edge-run.json)"))
                    .anyMatch(l -> l.contains("box runs as docker (image " + IMAGE + " on Docker"));
            assertThat(containers(engine, edgeId)).singleElement().matches(c -> c.module().equals("box"))
                    .matches(ContainerInfo::running);

            edge.toHandle().destroy();
            assertThat(edge.waitFor(60, TimeUnit.SECONDS)).as(String.join("\n", output)).isTrue();
            assertThat(edge.exitValue()).as(String.join("\n", output)).isEqualTo(143);
            assertThat(containers(engine, edgeId)).as("no container left after SIGTERM; output:\n" + String.join("\n", output)).isEmpty();
        } finally {
            engine.containers(edgeId).removeLeftovers();
        }
    }

    @Test
    void dockerBackendWithoutAnEngineExitsWithSix() throws Exception {
        Path solution = solution();
        List<String> output = new CopyOnWriteArrayList<>();
        Process edge = start(solution, dir.resolve("state"), output,
                Map.of("DOCKER_HOST", "unix://" + dir.resolve("no-such.sock")), "--backend", "docker");
        assertThat(edge.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(edge.exitValue()).as(String.join("\n", output)).isEqualTo(RunCommand.EXIT_NO_DOCKER);
        assertThat(String.join("\n", output)).contains("--backend docker: no Docker engine at unix://")
                .contains("no-such.sock");
    }

    private Path solution() throws IOException {
        Path solution = Files.createDirectories(dir.resolve("solution"));
        String box = JSON.writeValueAsString(Map.of("Cmd", List.of("sh", "-c",
                "echo box up module=$IOTEDGE_MODULEID workload=$IOTEDGE_WORKLOADURI; trap 'exit 0' TERM; sleep 600 & wait $!")));
        Files.writeString(solution.resolve("deployment.json"), """
                {"modulesContent": {
                  "$edgeAgent": {"properties.desired": {"schemaVersion": "1.1",
                    "systemModules": {
                      "edgeAgent": {"type": "docker", "settings": {"image": "agent"}},
                      "edgeHub": {"type": "docker", "status": "running", "restartPolicy": "always",
                                  "settings": {"image": "hub"}}},
                    "modules": {
                      "proc": {"type": "docker", "status": "running", "restartPolicy": "always",
                               "settings": {"image": "proc:1"}},
                      "box": {"type": "docker", "status": "running", "restartPolicy": "always",
                              "settings": {"image": "%s", "createOptions": %s}}}}},
                  "$edgeHub": {"properties.desired": {"schemaVersion": "1.1", "routes": {},
                    "storeAndForwardConfiguration": {"timeToLiveSecs": 7200}}}}}
                """.formatted(IMAGE, JSON.writeValueAsString(box)));
        Files.writeString(solution.resolve("edge-run.json"),
                "{\"modules\": {\"proc\": {\"command\": [\"sh\", \"-c\", \"echo proc up; exec sleep 600\"]}}}");
        return solution.resolve("deployment.json");
    }

    private Process start(Path manifest, Path state, List<String> output, Map<String, String> environment,
            String... options) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", System.getProperty("edge.jar"), "run",
                manifest.toString(), "--state-dir", state.toString(), "--bind", "127.0.0.1", "--mqtt-port", "0",
                "--management-port", "0"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process edge = builder.start();
        edges.add(edge);
        Thread.ofPlatform().daemon().start(() -> read(edge.getInputStream(), output));
        return edge;
    }

    private static List<ContainerInfo> containers(DockerEngine engine, String edgeId) {
        try {
            return engine.containers(edgeId).list();
        } catch (ContainerException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The engine at DOCKER_HOST with the test image, else skipped (failed under CI=true). */
    private static DockerEngine engine() throws ContainerException {
        DockerEngine engine;
        try {
            engine = DockerEngine.connect();
        } catch (NoDockerEngineException e) {
            unavailable(e.getMessage());
            throw e;
        }
        if (!engine.containers("probe").hasImage(IMAGE)) {
            unavailable("test image " + IMAGE + " is not in the engine at " + engine.host() + " (see .ci/run)");
        }
        return engine;
    }

    private static void unavailable(String why) {
        if (CI) {
            throw new AssertionError("CI=true but the container tests cannot run: " + why);
        }
        Assumptions.abort("container tests skipped: " + why);
    }

    private static void read(InputStream stream, List<String> output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.lines().forEach(output::add);
        } catch (IOException | UncheckedIOException e) {
            // the process ended
        }
    }
}
