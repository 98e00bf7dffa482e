package io.edgestudio.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgestudio.hub.identity.ModuleIdentity;
import io.edgestudio.hub.manifest.DeploymentManifest;
import io.edgestudio.hub.manifest.ManifestLoader;
import io.edgestudio.hub.testing.Await;
import io.edgestudio.hub.testing.TestHub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled hub records upstream messages in {@code <state>/upstream/messages.jsonl}, across a restart. */
class LocalEdgeHubUpstreamRecordTest {

    static final String MANIFEST = LocalEdgeHubTest.MANIFEST.replace(
            "\"routes\": {\"r\": \"FROM /messages/modules/sender/outputs/out INTO BrokeredEndpoint(\\\"/modules/receiver/inputs/in\\\")\"}",
            "\"routes\": {\"up\": \"FROM /messages/modules/sender/outputs/out INTO $upstream\"}");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    @Test
    void messagesAPreviousRunLeftForUpstreamAreRecordedAfterTheRestartAndTheFileGrows() throws Exception {
        assertThat(MANIFEST).contains("INTO $upstream");
        DeploymentManifest manifest = new ManifestLoader().load(MANIFEST);
        LocalEdgeHubOptions options = LocalEdgeHubOptions.defaults(state, "127.0.0.1")
                .withTlsAddress(new InetSocketAddress("127.0.0.1", 0)).withMethodsPort(null);
        Path file = state.resolve("upstream/messages.jsonl");

        try (LocalEdgeHub first = LocalEdgeHub.start(manifest, options)) {
            first.hub().upstream().setOnline(false);
            send(first, "m1", "m2");
            Await.until("both stored for upstream", Duration.ofSeconds(10),
                    () -> first.hub().store().size("$upstream_Pri2000000000") == 2);
            assertThat(bodies(file)).as("held offline: nothing reached upstream").isEmpty();
        }

        try (LocalEdgeHub second = LocalEdgeHub.start(manifest, options)) {
            Await.until("the held messages recorded", Duration.ofSeconds(10), () -> bodies(file).size() == 2);
            send(second, "m3");
            Await.until("the new message appended", Duration.ofSeconds(10), () -> bodies(file).size() == 3);
        }
        assertThat(bodies(file)).containsExactly("m1", "m2", "m3");
    }

    @Test
    void withoutARecordingUpstreamMessagesStayInMemoryOnly() throws Exception {
        LocalEdgeHubOptions options = LocalEdgeHubOptions.defaults(state, "127.0.0.1")
                .withTlsAddress(new InetSocketAddress("127.0.0.1", 0)).withMethodsPort(null).withUpstreamRecording(null);
        try (LocalEdgeHub edge = LocalEdgeHub.start(new ManifestLoader().load(MANIFEST), options)) {
            send(edge, "m1");
            Await.until("in the ring", Duration.ofSeconds(10), () -> edge.hub().upstream().recent().size() == 1);
            assertThat(edge.upstreamRecorder()).isEmpty();
        }
        assertThat(state.resolve("upstream")).doesNotExist();
    }

    /** Bodies are not JSON here, so each line has them as base64. */
    private static List<String> bodies(Path file) {
        List<String> bodies = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    bodies.add(new String(java.util.Base64.getDecoder().decode(JSON.readTree(line).path("bodyBase64")
                            .asText()), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bodies;
    }

    private void send(LocalEdgeHub edge, String... bodies) throws Exception {
        ModuleIdentity identity = edge.hub().identities().find("edgestudio-device", "sender").orElseThrow();
        MqttClient client = new MqttClient("ssl://127.0.0.1:" + edge.servers().getFirst().address().getPort(),
                "edgestudio-device/sender", new MemoryPersistence());
        client.setTimeToWait(10_000);
        client.connect(TestHub.sdkLikeOptions("edgestudio.local", "edgestudio-device", "sender",
                identity.sharedAccessKey(), System.currentTimeMillis() / 1000 + 3600,
                TestHub.sslContext(state.resolve("certs/edge-ca.cert.pem"))));
        try {
            for (String body : bodies) {
                client.publish("devices/edgestudio-device/modules/sender/messages/events/$.on=out/",
                        body.getBytes(StandardCharsets.UTF_8), 1, false);
            }
        } finally {
            client.disconnect();
            client.close();
        }
    }
}
