package io.edgestudio.hub.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.hub.LocalEdgeHub;
import io.edgestudio.hub.LocalEdgeHubOptions;
import io.edgestudio.hub.identity.ModuleIdentity;
import io.edgestudio.hub.manifest.ManifestLoader;
import io.edgestudio.hub.testing.TestHub;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unmodified SDK 2.5.0 module with no connection string, only the IOTEDGE_* environment, as under the IoT
 * Edge daemon: it signs its token through the workload API, trusts the workload trust bundle, connects to the
 * hub on 127.0.0.x:8883, sends a routed message, reads its twin and reports. The module runs as a child JVM (the
 * SDK reads the process environment).
 */
class SdkWorkloadTest {

    static final String DEVICE = "edgestudio-device";
    static final String MANIFEST = """
            {"modulesContent": {
              "$edgeAgent": {"properties.desired": {"schemaVersion": "1.1",
                "systemModules": {"edgeAgent": {"type": "docker", "settings": {"image": "agent"}},
                  "edgeHub": {"type": "docker", "status": "running", "restartPolicy": "always", "settings": {"image": "hub"}}},
                "modules": {
                  "envmodule": {"type": "docker", "status": "running", "restartPolicy": "always", "settings": {"image": "m"}},
                  "receiver": {"type": "docker", "status": "running", "restartPolicy": "always", "settings": {"image": "r"}}}}},
              "$edgeHub": {"properties.desired": {"schemaVersion": "1.1",
                "routes": {"toReceiver": "FROM /messages/modules/envmodule/outputs/out INTO BrokeredEndpoint(\\"/modules/receiver/inputs/in\\")"},
                "storeAndForwardConfiguration": {"timeToLiveSecs": 7200}}},
              "envmodule": {"properties.desired": {"threshold": 20}}}}
            """;

    @TempDir
    Path state;

    @Test
    void sdkModuleWithOnlyTheWorkloadEnvironmentConnectsSendsAndReadsItsTwin() throws Exception {
        try (LocalEdgeHub edge = startOnSdkPort()) {
            String host = edge.servers().getFirst().address().getHostString();
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            MqttClient receiver = receiver(edge, host, received);
            try {
                Map<String, String> environment = edge.workloadEnvironment("envmodule");
                Path log = state.resolve("envmodule.log");
                ProcessBuilder module = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-cp", System.getProperty("java.class.path"), EnvironmentModule.class.getName())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                // Exactly the daemon's set: nothing of the connection-string path may leak in from this JVM.
                module.environment().keySet().removeIf(name -> name.startsWith("IOTEDGE_")
                        || List.of("EdgeHubConnectionString", "EdgeModuleCACertificateFile", "IotHubConnectionString")
                                .contains(name));
                module.environment().putAll(environment);
                Process process = module.start();
                try {
                    boolean exited = process.waitFor(120, TimeUnit.SECONDS);
                    String output = Files.readString(log);
                    assertThat(exited).as("module exited; its output:\n" + output).isTrue();
                    assertThat(process.exitValue()).as(output).isZero();
                    assertThat(output).contains("STEP connected").contains("STEP sent")
                            .contains("STEP desired threshold=20").contains("version=2")
                            .contains("STEP reported version=").contains("STEP closed");
                } finally {
                    process.destroyForcibly();
                }
                String message = received.poll(20, TimeUnit.SECONDS);
                assertThat(message).as("the module's message routed to receiver/in").isNotNull()
                        .contains("/inputs/in/").contains("kind=workload").endsWith(" {\"from\":\"environment\"}");
                assertThat(edge.hub().twins().get("envmodule").reported().path("credentials").asText())
                        .isEqualTo("workload");
                assertThat(edge.workload().orElseThrow().api().signatures()).as("SAS token signed by the workload API")
                        .isPositive();
            } finally {
                receiver.disconnectForcibly(0, 1, false);
                receiver.close(true);
            }
        }
    }

    /** A hub on port 8883 (the SDK's fixed port) of a free loopback address, with the workload API beside it. */
    private LocalEdgeHub startOnSdkPort() throws Exception {
        int first = new Random().nextInt(250);
        for (int i = 0; i < 250; i++) {
            String host = "127.0.0." + (2 + (first + i) % 250);
            LocalEdgeHubOptions options = new LocalEdgeHubOptions(state, DEVICE, "edgestudio.local",
                    new InetSocketAddress(host, LocalEdgeHubOptions.MQTT_TLS_PORT), null, false, 100,
                    Duration.ofSeconds(60), Duration.ofSeconds(1), null, new InetSocketAddress("127.0.0.1", 0));
            try {
                return LocalEdgeHub.start(new ManifestLoader().load(MANIFEST), options);
            } catch (BindException inUse) {
                // try the next address
            }
        }
        throw new IllegalStateException("no free loopback address with port 8883");
    }

    private MqttClient receiver(LocalEdgeHub edge, String host, BlockingQueue<String> received) throws Exception {
        ModuleIdentity identity = edge.hub().identities().find(DEVICE, "receiver").orElseThrow();
        MqttClient client = new MqttClient("ssl://" + host + ":" + LocalEdgeHubOptions.MQTT_TLS_PORT,
                DEVICE + "/receiver", new MemoryPersistence());
        client.setTimeToWait(10_000);
        client.connect(TestHub.sdkLikeOptions("edgestudio.local", DEVICE, "receiver", identity.sharedAccessKey(),
                System.currentTimeMillis() / 1000 + 3600, TestHub.sslContext(state.resolve("certs/edge-ca.cert.pem"))));
        client.subscribe("devices/" + DEVICE + "/modules/receiver/inputs/#", 1, (topic, message) ->
                received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
        return client;
    }
}
