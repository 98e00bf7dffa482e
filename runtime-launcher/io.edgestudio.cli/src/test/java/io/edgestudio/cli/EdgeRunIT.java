package io.edgestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edge run} as users start it (the built edge.jar in a JVM of its own) on a solution with the simulated
 * sensor and two generated Java modules on the real device SDK: messages routed to {@code $upstream}, a desired
 * twin patch applied and reported, a direct method answered, a module killed and restarted by its policy, the
 * runtime killed with SIGKILL and started again without losing the messages it had acknowledged, and a clean
 * stop on SIGTERM that leaves no module process.
 */
class EdgeRunIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<Process> edges = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

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
    void runsTwoGeneratedJavaModulesAndSurvivesModuleAndRuntimeCrashes() throws Exception {
        Path solution = Files.createDirectories(dir.resolve("pipeline"));
        try (InputStream in = getClass().getResourceAsStream("/e2e/pipeline.edge")) {
            Files.write(solution.resolve("pipeline.edge"), in.readAllBytes());
        }
        Files.writeString(solution.resolve("edge-run.json"),
                "{\"modules\": {\"SimulatedTemperatureSensor\": {\"env\": {\"SendInterval\": \"0.2\"}}}}");
        String host = freeLoopbackWithSdkPort();
        List<String> output = new CopyOnWriteArrayList<>();
        Process edge = start(solution, host, output);

        // routed through both Java modules to $upstream
        await("messages at $upstream", () -> upstream().size() >= 3, output);
        assertThat(upstream().get(0).path("systemProperties").path("connectionModuleId").asText()).isEqualTo("Recorder");
        assertThat(upstream().get(0).path("body").asText()).contains("\"machine\"");

        // a desired patch reaches the module, which reports it back
        assertThat(call("PATCH", "/api/v1/modules/Recorder/twin/desired", "{\"Threshold\": 60}").statusCode())
                .isEqualTo(200);
        await("Threshold 60 reported", () -> json(call("GET", "/api/v1/modules/Recorder/twin", null).body())
                .path("reported").path("Threshold").asDouble() == 60.0, output);

        // a direct method answers
        HttpResponse<String> method = call("POST", "/api/v1/modules/SimulatedTemperatureSensor/methods/reset", "{}");
        assertThat(method.statusCode()).as(method.body()).isEqualTo(200);
        assertThat(json(method.body()).path("status").asInt()).isEqualTo(200);

        // a killed module is restarted (restartPolicy always) and messages flow again
        long forwarder = pid("Forwarder");
        ProcessHandle.of(forwarder).orElseThrow().destroyForcibly();
        await("Forwarder restarted", () -> {
            JsonNode now = status("Forwarder"); // one snapshot: separate calls could mix old and new runs
            long pid = now.path("processId").asLong(0);
            return now.path("runtimeStatus").asText().equals("running") && pid != 0 && pid != forwarder;
        }, output);
        assertThat(status("Forwarder").path("restartCount").asInt()).as(status("Forwarder").toString()).isEqualTo(1);
        assertThat(status("Forwarder").path("exitCode").asInt()).isEqualTo(137);
        int seen = upstream().size();
        await("messages after the restart", () -> upstream().size() >= seen + 3, output);

        // offline: messages wait in the store; then the runtime dies with SIGKILL
        call("PUT", "/api/v1/upstream/online", "{\"online\": false}");
        long routedWhenOffline = routedToCloud();
        await("messages stored while offline", () -> routedToCloud() >= routedWhenOffline + 5, output);
        List<Long> modules = List.of(pid("SimulatedTemperatureSensor"), pid("Forwarder"), pid("Recorder"));
        long acknowledged = routedToCloud();
        Instant killed = Instant.now();
        edge.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(modules).allMatch(p -> ProcessHandle.of(p).isPresent(), "modules outlive a killed runtime");

        // started again on the same state: leftovers stopped, stored messages delivered
        List<String> second = new CopyOnWriteArrayList<>();
        Process restarted = start(solution, host, second);
        assertThat(modules).allMatch(p -> ProcessHandle.of(p).map(h -> !h.isAlive()).orElse(true),
                "leftover modules of the killed runtime are stopped");
        long storedOffline = acknowledged - routedWhenOffline;
        await("the stored messages delivered", () -> upstream().stream()
                .filter(m -> Instant.parse(m.path("enqueuedTime").asText()).isBefore(killed)).count()
                >= storedOffline, second);

        // SIGTERM stops everything
        List<Long> running = List.of(pid("SimulatedTemperatureSensor"), pid("Forwarder"), pid("Recorder"));
        restarted.toHandle().destroy();
        assertThat(restarted.waitFor(60, TimeUnit.SECONDS)).as(String.join("\n", second)).isTrue();
        assertThat(restarted.exitValue()).isEqualTo(143); // the JVM's status after SIGTERM, hooks done
        assertThat(second).anyMatch(l -> l.endsWith("edge stopped"));
        assertThat(running).allMatch(p -> ProcessHandle.of(p).map(h -> !h.isAlive()).orElse(true),
                "no module process left after SIGTERM");
    }

    private Process start(Path solution, String host, List<String> output) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process edge = new ProcessBuilder(java.toString(), "-jar", System.getProperty("edge.jar"), "run",
                solution.toString(), "--state-dir", dir.resolve("state").toString(), "--bind", host,
                "--management-port", "0", "--restart-delay", "200").redirectErrorStream(true).start();
        edges.add(edge);
        Thread.ofPlatform().daemon().start(() -> read(edge.getInputStream(), output));
        await("the edge started", () -> output.stream().anyMatch(l -> l.contains("stop with Ctrl-C"))
                || !edge.isAlive(), output);
        assertThat(edge.isAlive()).as(String.join("\n", output)).isTrue();
        String line = output.stream().filter(l -> l.contains("management API http://")).findFirst().orElseThrow();
        base = line.replaceAll(".*management API (http://[^,]+),.*", "$1");
        return edge;
    }

    private List<JsonNode> upstream() {
        List<JsonNode> list = new ArrayList<>();
        json(call("GET", "/api/v1/upstream?limit=100000", null).body()).forEach(list::add);
        return list;
    }

    private long routedToCloud() {
        for (JsonNode route : json(call("GET", "/api/v1/routes", null).body())) {
            if (route.path("name").asText().equals("RecorderToCloud")) {
                return route.path("messagesRouted").asLong();
            }
        }
        throw new AssertionError("no route RecorderToCloud");
    }

    private JsonNode status(String module) {
        for (JsonNode entry : json(call("GET", "/api/v1/modules", null).body())) {
            if (entry.path("moduleId").asText().equals(module)) {
                return entry;
            }
        }
        throw new AssertionError("no module " + module);
    }

    private long pid(String module) {
        long pid = pidOrZero(module);
        assertThat(pid).as(module + " runs").isPositive();
        return pid;
    }

    private long pidOrZero(String module) {
        return status(module).path("processId").asLong(0);
    }

    private HttpResponse<String> call(String method, String path, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition, List<String> output) {
        long deadline = System.nanoTime() + WAIT.toNanos() * 3;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; edge output:\n" + String.join("\n", output));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void read(InputStream stream, List<String> output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.lines().forEach(output::add);
        } catch (IOException | UncheckedIOException e) {
            // the process ended
        }
    }

    /** A loopback address whose port 8883 is free (the SDK always connects there). */
    private static String freeLoopbackWithSdkPort() throws IOException {
        int first = new Random().nextInt(250);
        for (int i = 0; i < 250; i++) {
            String host = "127.0.0." + (2 + (first + i) % 250);
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getByName(host), 8883));
                return host;
            } catch (IOException inUse) {
                // try the next address
            }
        }
        throw new IllegalStateException("no loopback address with port 8883 free");
    }
}
