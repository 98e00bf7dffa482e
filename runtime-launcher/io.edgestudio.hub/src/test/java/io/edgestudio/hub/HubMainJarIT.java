package io.edgestudio.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.hub.testing.Await;
import java.io.BufferedReader;
import java.io.IOException;
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
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as users run it: a child process on a free 127.0.0.x, ready when the API answers, stopped by SIGTERM. */
class HubMainJarIT {

    @TempDir
    Path dir;

    private Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    @AfterEach
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void jarServesTheDeploymentAndStopsCleanlyOnSigterm() throws Exception {
        Path manifest = Files.writeString(dir.resolve("deployment.json"), LocalEdgeHubTest.MANIFEST);
        String host = freeLoopbackWithSdkPort();
        Path jar = Path.of(System.getProperty("hub.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
                "--manifest", manifest.toString(), "--state-dir", dir.resolve("state").toString(), "--bind", host,
                "--management-port", "0").redirectErrorStream(true).start();
        Thread reader = Thread.ofPlatform().daemon().start(this::readOutput);

        Await.until("the management address printed", Duration.ofSeconds(60),
                () -> output.stream().anyMatch(l -> l.startsWith("Management API: ")) || !process.isAlive());
        assertThat(process.isAlive()).as(String.join("\n", output)).isTrue();
        String base = output.stream().filter(l -> l.startsWith("Management API: ")).findFirst().orElseThrow()
                .substring("Management API: ".length());
        assertThat(base).startsWith("http://" + host + ":");
        Await.until("GET /api/v1/modules answers", Duration.ofSeconds(30), () -> modules(base).contains("receiver"));
        assertThat(output).contains("MQTT listening on " + host + ":8883")
                .contains("Module receiver: " + dir.resolve("state/modules/receiver.env").toAbsolutePath());
        assertThat(Files.readString(dir.resolve("state/modules/receiver.env")))
                .contains("GatewayHostName=" + host + ";");

        // SIGTERM through the handle: Process.destroy() would also close our end of the output pipe.
        assertThat(process.toHandle().destroy()).isTrue();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        reader.join(Duration.ofSeconds(10));
        assertThat(output).as("exit " + process.exitValue() + "\n" + String.join("\n", output))
                .contains("Local edge hub stopped.");
    }

    private String modules(String base) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/modules")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(output::add);
        } catch (IOException | UncheckedIOException e) {
            // the process ended
        }
    }

    /** A loopback address whose port 8883 is free, so this test runs beside other local edges. */
    private static String freeLoopbackWithSdkPort() throws IOException {
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
}
