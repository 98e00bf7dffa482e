package io.edgestudio.hub.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.auth.IotHubSSLContext;
import com.microsoft.azure.sdk.iot.device.edge.DirectMethodRequest;
import com.microsoft.azure.sdk.iot.device.edge.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import io.edgestudio.hub.LocalEdgeHub;
import io.edgestudio.hub.LocalEdgeHubOptions;
import io.edgestudio.hub.manifest.ManifestLoader;
import io.edgestudio.hub.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unmodified Azure IoT SDK 2.5.0 modules against the assembled hub on a free 127.0.0.x: one module invokes a
 * direct method on another ({@code ModuleClient.invokeMethod}, HTTPS to the gateway's port 443), and what a module
 * sends to {@code $upstream} lands in {@code <state>/upstream/messages.jsonl}. Needs root for port 443, as in CI.
 */
class SdkModuleMethodTest {

    static final String DEVICE = "edgestudio-device";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MANIFEST = """
            {"modulesContent": {
              "$edgeAgent": {"properties.desired": {"schemaVersion": "1.1",
                "systemModules": {"edgeAgent": {"type": "docker", "settings": {"image": "agent"}},
                  "edgeHub": {"type": "docker", "status": "running", "restartPolicy": "always", "settings": {"image": "hub"}}},
                "modules": {
                  "caller": {"type": "docker", "status": "running", "restartPolicy": "always", "settings": {"image": "c"}},
                  "callee": {"type": "docker", "status": "running", "restartPolicy": "always", "settings": {"image": "d"}},
                  "idle": {"type": "docker", "status": "running", "restartPolicy": "always", "settings": {"image": "i"}}}}},
              "$edgeHub": {"properties.desired": {"schemaVersion": "1.1",
                "routes": {"toCloud": {"route": "FROM /messages/modules/caller/outputs/cloud INTO $upstream", "priority": 3}},
                "storeAndForwardConfiguration": {"timeToLiveSecs": 7200}}}}}
            """;

    @TempDir
    static Path state;

    static LocalEdgeHub edge;

    private final List<ModuleClient> clients = new ArrayList<>();

    @BeforeAll
    static void startHub() throws Exception {
        edge = startOnSdkPorts();
    }

    @AfterAll
    static void stopHub() {
        if (edge != null) {
            edge.close();
        }
    }

    @AfterEach
    void closeClients() {
        clients.forEach(ModuleClient::close);
    }

    @Test
    void oneModuleInvokesADirectMethodOnAnother() throws Exception {
        BlockingQueue<String> calls = new LinkedBlockingQueue<>();
        ModuleClient callee = client("callee");
        callee.open(false);
        callee.subscribeToMethods((name, payload, context) -> {
            calls.add(name + " " + payload.getPayloadAsJsonString());
            return new com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse(200, Map.of("pong", name));
        }, null);
        ModuleClient caller = client("caller");

        DirectMethodResponse response = caller.invokeMethod(DEVICE, "callee",
                new DirectMethodRequest("ping", Map.of("n", 1)));

        assertThat(calls.poll(10, TimeUnit.SECONDS)).isEqualTo("ping {\"n\":1}");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(response.getPayloadAsJsonString())).isEqualTo(JSON.readTree("{\"pong\":\"ping\"}"));
    }

    @Test
    void aMethodOnAModuleThatIsNotConnectedFailsWithNotFound() throws Exception {
        ModuleClient caller = client("caller");

        assertThatThrownBy(() -> caller.invokeMethod(DEVICE, "idle", new DirectMethodRequest("ping", null)))
                .isInstanceOfSatisfying(IotHubClientException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(IotHubStatusCode.NOT_FOUND));
    }

    @Test
    void messagesToUpstreamAreRecordedInTheStateDirectory() throws Exception {
        ModuleClient caller = client("caller");
        caller.open(false);
        Message message = new Message("{\"temperature\":42}".getBytes(StandardCharsets.UTF_8));
        message.setMessageId("up-1");
        message.setContentType("application/json");
        message.setProperty("alert", "high");

        caller.sendEvent(message, "cloud");

        Path file = state.resolve("upstream/messages.jsonl");
        assertThat(edge.upstreamRecorder().orElseThrow().file()).isEqualTo(file);
        Await.until("the message recorded in " + file, Duration.ofSeconds(20), () -> !recorded(file).isEmpty());
        JsonNode line = recorded(file).getFirst();
        assertThat(line.path("module").asText()).isEqualTo("caller");
        assertThat(line.path("output").asText()).isEqualTo("cloud");
        assertThat(line.path("route").asText()).isEqualTo("toCloud");
        assertThat(line.path("priority").asInt()).isEqualTo(3);
        assertThat(line.path("properties").path("alert").asText()).isEqualTo("high");
        assertThat(line.path("systemProperties").path("messageId").asText()).isEqualTo("up-1");
        assertThat(line.path("body")).isEqualTo(JSON.readTree("{\"temperature\":42}"));
    }

    private static List<JsonNode> recorded(Path file) {
        try {
            List<JsonNode> lines = new ArrayList<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    lines.add(JSON.readTree(line));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ModuleClient client(String module) throws Exception {
        ClientOptions options = ClientOptions.builder().sslContext(IotHubSSLContext.getSSLContextFromFile(
                edge.credentials().caCertificateFile().toString())).build();
        ModuleClient client = new ModuleClient(edge.credentials().connectionString(
                edge.hub().identities().find(DEVICE, module).orElseThrow()), IotHubClientProtocol.MQTT, options);
        clients.add(client);
        return client;
    }

    /** The hub on a loopback address whose 8883 (MQTT) and 443 (methods), the SDK's fixed ports, are both free. */
    private static LocalEdgeHub startOnSdkPorts() throws Exception {
        int first = new Random().nextInt(250);
        for (int i = 0; i < 250; i++) {
            String host = "127.0.0." + (2 + (first + i) % 250);
            if (!free(host, LocalEdgeHubOptions.MQTT_TLS_PORT) || !free(host, LocalEdgeHubOptions.METHODS_PORT)) {
                continue;
            }
            LocalEdgeHubOptions options = LocalEdgeHubOptions.defaults(state, host);
            LocalEdgeHub started;
            try {
                started = LocalEdgeHub.start(new ManifestLoader().load(MANIFEST), options);
            } catch (BindException inUse) {
                continue;
            }
            if (started.moduleMethods().isPresent()) {
                return started;
            }
            started.close(); // port 443 was taken in the meantime
        }
        throw new IllegalStateException("no loopback address with ports 8883 and 443 free");
    }

    private static boolean free(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
