package io.edgestudio.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.hub.identity.ModuleIdentity;
import io.edgestudio.hub.manifest.DeploymentManifest;
import io.edgestudio.hub.manifest.ManifestLoader;
import io.edgestudio.hub.testing.TestHub;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled hub from a manifest, with the durable store, across a restart. */
class LocalEdgeHubTest {

    static final String MANIFEST = """
            {"modulesContent": {
              "$edgeAgent": {"properties.desired": {"schemaVersion": "1.1",
                "systemModules": {
                  "edgeAgent": {"type": "docker", "settings": {"image": "agent"}},
                  "edgeHub": {"type": "docker", "status": "running", "restartPolicy": "always",
                              "settings": {"image": "hub"}}},
                "modules": {
                  "sender": {"type": "docker", "status": "running", "restartPolicy": "always",
                             "settings": {"image": "sender"}},
                  "receiver": {"type": "docker", "status": "running", "restartPolicy": "always",
                               "settings": {"image": "receiver"}}}}},
              "$edgeHub": {"properties.desired": {"schemaVersion": "1.1",
                "routes": {"r": "FROM /messages/modules/sender/outputs/out INTO BrokeredEndpoint(\\"/modules/receiver/inputs/in\\")"},
                "storeAndForwardConfiguration": {"timeToLiveSecs": 7200}}},
              "receiver": {"properties.desired": {"interval": 7}}}}
            """;

    @TempDir
    Path state;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
    }

    @Test
    void acknowledgedMessagesSurviveARestartAndAreDeliveredAfterIt() throws Exception {
        DeploymentManifest manifest = new ManifestLoader().load(MANIFEST);
        LocalEdgeHubOptions options = LocalEdgeHubOptions.defaults(state, "127.0.0.1")
                .withTlsAddress(new InetSocketAddress("127.0.0.1", 0));

        LocalEdgeHub first = LocalEdgeHub.start(manifest, options);
        assertThat(Files.readString(state.resolve("modules/receiver.env")))
                .contains("EdgeHubConnectionString=HostName=edgestudio.local;GatewayHostName=127.0.0.1;"
                        + "DeviceId=edgestudio-device;ModuleId=receiver;SharedAccessKey=")
                .contains("EdgeModuleCACertificateFile=" + state.resolve("certs/edge-ca.cert.pem"));
        MqttClient sender = connect(first, "sender");
        for (int i = 1; i <= 3; i++) {
            sender.publish("devices/edgestudio-device/modules/sender/messages/events/$.on=out/",
                    ("m" + i).getBytes(StandardCharsets.UTF_8), 1, false);
        }
        sender.disconnect();
        first.close();

        LocalEdgeHub second = LocalEdgeHub.start(manifest, options);
        open.add(second);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient receiver = connect(second, "receiver");
        receiver.subscribe("devices/edgestudio-device/modules/receiver/inputs/#", 1,
                (topic, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));

        assertThat(second.hub().twins().get("receiver").desired().path("interval").asInt()).isEqualTo(7);
        assertThat(second.hub().twins().get("receiver").desiredVersion()).as("unchanged manifest, same version")
                .isEqualTo(2);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bodies.add(received.poll(10, TimeUnit.SECONDS));
        }
        assertThat(bodies).containsExactly("m1", "m2", "m3");
    }

    @Test
    void servesTheManagementApiWhenAsked() throws Exception {
        LocalEdgeHubOptions options = LocalEdgeHubOptions.defaults(state, "127.0.0.1")
                .withTlsAddress(new InetSocketAddress("127.0.0.1", 0))
                .withManagementAddress(new InetSocketAddress("127.0.0.1", 0));
        LocalEdgeHub edge = LocalEdgeHub.start(new ManifestLoader().load(MANIFEST), options);
        open.add(edge);

        String base = edge.management().orElseThrow().baseUri();
        HttpResponse<String> modules = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/modules")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(modules.statusCode()).isEqualTo(200);
        assertThat(modules.body()).contains("\"moduleId\":\"sender\"").contains("\"moduleId\":\"receiver\"");
    }

    @Test
    void anOpenedHubHasCredentialsAndStoreButListensOnlyWhenAsked() throws Exception {
        LocalEdgeHubOptions options = LocalEdgeHubOptions.defaults(state, "127.0.0.1")
                .withTlsAddress(new InetSocketAddress("127.0.0.1", 0));
        LocalEdgeHub edge = LocalEdgeHub.open(new ManifestLoader().load(MANIFEST), options);
        open.add(edge);

        assertThat(edge.servers()).isEmpty();
        assertThat(state.resolve("modules/sender.env")).exists();
        assertThat(state.resolve("certs/edge-ca.cert.pem")).exists();
        edge.hub().upstream().setOnline(false); // the core works before the listeners

        edge.listen();
        MqttClient sender = connect(edge, "sender");
        assertThat(sender.isConnected()).isTrue();
        assertThat(edge.servers()).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(edge::listen).isInstanceOf(IllegalStateException.class);
    }

    private MqttClient connect(LocalEdgeHub edge, String module) throws Exception {
        InetSocketAddress address = edge.servers().get(0).address();
        ModuleIdentity identity = edge.hub().identities().find("edgestudio-device", module).orElseThrow();
        MqttClient client = new MqttClient("ssl://127.0.0.1:" + address.getPort(), "edgestudio-device/" + module,
                new MemoryPersistence());
        client.setTimeToWait(Duration.ofSeconds(10).toMillis());
        client.connect(TestHub.sdkLikeOptions("edgestudio.local", "edgestudio-device", module,
                identity.sharedAccessKey(), System.currentTimeMillis() / 1000 + 3600,
                TestHub.sslContext(state.resolve("certs/edge-ca.cert.pem"))));
        open.add(() -> {
            try {
                client.disconnectForcibly(0, 1, false);
            } catch (MqttException e) {
                // already closed
            }
            client.close(true);
        });
        return client;
    }
}
