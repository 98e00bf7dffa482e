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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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
        String host = freeLoopbackWithSdkPorts();
        process = startJar(List.of(), manifest, host, "--workload-port", "0");
        Thread reader = Thread.ofPlatform().daemon().start(this::readOutput);

        String base = awaitManagementApi(host);
        assertThat(output).contains("MQTT listening on " + host + ":8883")
                .contains("Module-to-module methods (HTTPS) listening on " + host + ":443")
                .contains("Upstream messages recorded in " + dir.resolve("state/upstream/messages.jsonl").toAbsolutePath())
                .contains("Module receiver: " + dir.resolve("state/modules/receiver.env").toAbsolutePath())
                .anySatisfy(l -> assertThat(l).matches("Workload API: http://localhost:[0-9]+/"));
        assertThat(Files.readString(dir.resolve("state/modules/receiver.env")))
                .contains("GatewayHostName=" + host + ";");

        // SIGTERM through the handle: Process.destroy() would also close our end of the output pipe.
        assertThat(process.toHandle().destroy()).isTrue();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        reader.join(Duration.ofSeconds(10));
        assertThat(output).as("exit " + process.exitValue() + "\n" + String.join("\n", output))
                .contains("Local edge hub stopped.");
    }

    @Test
    void withoutRootTheHubServesOnAndSaysHowToEnableModuleMethods() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) is needed");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "dropping to nobody needs root");
        // readAllLines: Files.readString stops after the first byte of this /proc file
        Assumptions.assumeTrue(Integer.parseInt(Files.readAllLines(
                Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start")).getFirst().trim()) > 443,
                "443 is privileged here");
        // nobody writes the state below dir
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path manifest = Files.writeString(dir.resolve("deployment.json"), LocalEdgeHubTest.MANIFEST);
        String host = freeLoopbackWithSdkPorts();
        process = startJar(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"), manifest,
                host);
        Thread.ofPlatform().daemon().start(this::readOutput);

        awaitManagementApi(host);
        assertThat(output).contains("MQTT listening on " + host + ":8883")
                .noneMatch(l -> l.startsWith("Module-to-module methods (HTTPS) listening"))
                .anySatisfy(l -> assertThat(l).contains("WARN").contains("Module-to-module direct methods are "
                        + "unavailable: cannot listen on " + host + ":443 (Permission denied); the Azure IoT SDK always "
                        + "calls port 443: run the hub as root, or allow unprivileged ports with "
                        + "'sysctl net.ipv4.ip_unprivileged_port_start=443'. Everything else works."));
    }

    private Process startJar(List<String> prefix, Path manifest, String host, String... more) throws IOException {
        Path jar = Path.of(System.getProperty("hub.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(prefix);
        command.addAll(List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
                "--manifest", manifest.toString(), "--state-dir", dir.resolve("state").toString(), "--bind", host,
                "--management-port", "0"));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** @return the management API's base URI, once it answers */
    private String awaitManagementApi(String host) {
        Await.until("the management address printed", Duration.ofSeconds(60),
                () -> output.stream().anyMatch(l -> l.startsWith("Management API: ")) || !process.isAlive());
        assertThat(process.isAlive()).as(String.join("\n", output)).isTrue();
        String base = output.stream().filter(l -> l.startsWith("Management API: ")).findFirst().orElseThrow()
                .substring("Management API: ".length());
        assertThat(base).startsWith("http://" + host + ":");
        Await.until("GET /api/v1/modules answers", Duration.ofSeconds(30), () -> modules(base).contains("receiver"));
        return base;
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

    /** A loopback address whose ports 8883 and 443 are free, so this test runs beside other local edges. */
    private static String freeLoopbackWithSdkPorts() throws IOException {
        int first = new Random().nextInt(250);
        for (int i = 0; i < 250; i++) {
            String host = "127.0.0." + (2 + (first + i) % 250);
            if (free(host, LocalEdgeHubOptions.MQTT_TLS_PORT) && free(host, LocalEdgeHubOptions.METHODS_PORT)) {
                return host;
            }
        }
        throw new IllegalStateException("no loopback address with ports 8883 and 443 free");
    }

    private static boolean free(String host, int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
