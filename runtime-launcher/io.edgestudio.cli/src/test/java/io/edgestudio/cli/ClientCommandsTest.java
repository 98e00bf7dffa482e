package io.edgestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgestudio.hub.LocalEdgeHub;
import io.edgestudio.hub.LocalEdgeHubOptions;
import io.edgestudio.hub.identity.ModuleIdentity;
import io.edgestudio.hub.manifest.ManifestLoader;
import io.edgestudio.hub.testing.Await;
import io.edgestudio.hub.testing.TestHub;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client subcommands against a real local edge hub started in-process on loopback, with Paho MQTT clients
 * speaking as the modules; the command line runs through picocli with captured output.
 */
class ClientCommandsTest {

    static final String DEVICE = "edgestudio-device";
    static final String MANIFEST = """
            {"modulesContent": {
              "$edgeAgent": {"properties.desired": {"schemaVersion": "1.1",
                "systemModules": {"edgeAgent": {"type": "docker", "settings": {"image": "agent"}},
                  "edgeHub": {"type": "docker", "status": "running", "restartPolicy": "always",
                              "settings": {"image": "hub"}}},
                "modules": {
                  "sensor": {"type": "docker", "status": "running", "restartPolicy": "always",
                             "settings": {"image": "sensor"}},
                  "filter": {"type": "docker", "status": "running", "restartPolicy": "always",
                             "settings": {"image": "filter"}}}}},
              "$edgeHub": {"properties.desired": {"schemaVersion": "1.1",
                "routes": {
                  "sensorToFilter": "FROM /messages/modules/sensor/outputs/readings INTO BrokeredEndpoint(\\"/modules/filter/inputs/input1\\")",
                  "alertsUp": "FROM /messages/modules/filter/outputs/* INTO $upstream"},
                "storeAndForwardConfiguration": {"timeToLiveSecs": 7200}}},
              "filter": {"properties.desired": {"threshold": 20}}}}
            """;

    @TempDir
    Path state;

    private LocalEdgeHub edge;
    private String address;
    private final List<MqttClient> modules = new ArrayList<>();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void start() throws Exception {
        LocalEdgeHubOptions options = new LocalEdgeHubOptions(state, DEVICE, "edgestudio.local",
                new InetSocketAddress("127.0.0.1", 0), null, false, 100, Duration.ofSeconds(60),
                Duration.ofSeconds(1), new InetSocketAddress("127.0.0.1", 0));
        edge = LocalEdgeHub.start(new ManifestLoader().load(MANIFEST), options);
        address = "127.0.0.1:" + edge.management().orElseThrow().address().getPort();
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        background.shutdownNow();
        for (MqttClient client : modules) {
            try {
                client.disconnectForcibly(0, 1, false);
                client.close(true);
            } catch (MqttException e) {
                // already gone
            }
        }
        edge.close();
    }

    @Test
    void sendDeliversJsonWithPropertiesToTheModulesInput() throws Exception {
        BlockingQueue<String> received = subscribe(connect("filter"), "devices/" + DEVICE + "/modules/filter/inputs/#");

        int exit = edge("send", "filter", "input1", "{\"temperature\": 21}", "-p", "unit=C", "--property",
                "site=lab 1", "--message-id", "m-1");

        assertThat(exit).as(output()).isZero();
        assertThat(stdout()).contains("sent to filter/input1");
        String message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message).as("the message at filter/input1").isNotNull()
                .startsWith("devices/" + DEVICE + "/modules/filter/inputs/input1/")
                .contains("unit=C").contains("site=lab%201").contains("%24.mid=m-1")
                .endsWith(" {\"temperature\":21}");
    }

    @Test
    void sendReadsTheBodyFromAFile() throws Exception {
        BlockingQueue<String> received = subscribe(connect("filter"), "devices/" + DEVICE + "/modules/filter/inputs/#");
        Path body = Files.writeString(state.resolve("reading.json"), "{\n  \"temperature\": 22\n}\n");

        assertThat(edge("send", "filter", "input1", "@" + body)).as(output()).isZero();

        assertThat(received.poll(10, TimeUnit.SECONDS)).endsWith(" {\"temperature\":22}");
    }

    @Test
    void sendRefusesUnknownModulesAndBadJson() throws Exception {
        assertThat(edge("send", "nosuch", "input1", "{}")).isEqualTo(1);
        assertThat(stderr()).contains("no module nosuch in the deployment").contains("HTTP 404");

        assertThat(edge("send", "filter", "input1", "{\"t\": }")).isEqualTo(2);
        assertThat(stderr()).contains("1:7: not valid JSON").doesNotContain("JSON quotes");

        assertThat(edge("send", "filter", "input1", "hello")).isEqualTo(2);
        assertThat(stderr()).contains("a text value needs JSON quotes");

        Path broken = Files.writeString(state.resolve("broken.json"), "{\n  \"t\": 1,\n}");
        assertThat(edge("send", "filter", "input1", "@" + broken)).isEqualTo(2);
        assertThat(stderr()).contains(broken + ":3:");

        assertThat(edge("send", "filter", "input1", "@" + state.resolve("missing.json"))).isEqualTo(2);
        assertThat(stderr()).contains("no file " + state.resolve("missing.json"));
    }

    @Test
    void twinShowsDesiredAndReportedPropertiesWithTheirVersions() throws Exception {
        MqttClient filter = connect("filter");
        filter.publish("$iothub/twin/PATCH/properties/reported/?$rid=1", "{\"status\":\"running\"}"
                .getBytes(StandardCharsets.UTF_8), 1, false);
        Await.until("reported patch stored", Duration.ofSeconds(10),
                () -> edge.hub().twins().get("filter").reportedVersion() == 2);

        assertThat(edge("twin", "filter")).as(output()).isZero();

        assertThat(stdout()).contains("desired ($version 2):\n{\n  \"threshold\" : 20\n}")
                .contains("reported ($version 2):\n{\n  \"status\" : \"running\"\n}");
        assertThat(edge("twin", "filter", "--json")).isZero();
        assertThat(EdgeClient.JSON.readTree(stdout().substring(stdout().lastIndexOf("{\n  \"desired\""))))
                .isEqualTo(EdgeClient.JSON.readTree("""
                        {"desired": {"threshold": 20, "$version": 2},
                         "reported": {"status": "running", "$version": 2}}"""));
    }

    @Test
    void twinSetPatchesDesiredWithTypedValuesAndTheModuleGetsThePatch() throws Exception {
        BlockingQueue<String> patches = subscribe(connect("filter"), "$iothub/twin/PATCH/properties/desired/#");

        int exit = edge("twin", "filter", "--set", "threshold=25", "--set", "mode=eco", "--set", "limits.max=3.5",
                "--set", "limits.enabled=true", "--set", "label=\"25\"");

        assertThat(exit).as(output()).isZero();
        assertThat(stdout()).contains("desired ($version 3):").contains("\"threshold\" : 25");
        JsonNode expected = EdgeClient.JSON.readTree("""
                {"threshold": 25, "mode": "eco", "limits": {"max": 3.5, "enabled": true}, "label": "25"}""");
        assertThat(edge.hub().twins().get("filter").desired()).isEqualTo(expected);
        String patch = patches.poll(10, TimeUnit.SECONDS);
        assertThat(patch).as("desired patch pushed to the module").isNotNull()
                .startsWith("$iothub/twin/PATCH/properties/desired/?$version=3 ");
        assertThat(EdgeClient.JSON.readTree(patch.substring(patch.indexOf(' ') + 1)))
                .isEqualTo(((com.fasterxml.jackson.databind.node.ObjectNode) expected.deepCopy()).put("$version", 3));

        assertThat(edge("twin", "filter", "--set", "threshold=null")).isZero();
        assertThat(edge.hub().twins().get("filter").desired().has("threshold")).as("null deletes").isFalse();
    }

    @Test
    void twinRefusesBadSettingsAndUnknownModules() throws Exception {
        assertThat(edge("twin", "filter", "--set", "threshold")).isEqualTo(2);
        assertThat(stderr()).contains("'threshold' is not path=value");
        assertThat(edge("twin", "filter", "--set", "limits=1", "--set", "limits.max=2")).isEqualTo(2);
        assertThat(stderr()).contains("--set limits.max conflicts with an earlier --set of limits");
        assertThat(edge("twin", "filter", "--set", "a..b=1")).isEqualTo(2);
        assertThat(edge("twin", "nosuch")).isEqualTo(1);
        assertThat(stderr()).contains("no module nosuch");
        assertThat(edge.hub().twins().get("filter").desiredVersion()).as("nothing patched").isEqualTo(2);
    }

    @Test
    void invokeCallsTheModulesMethodAndExitsByItsStatus() throws Exception {
        MqttClient filter = connect("filter");
        answerMethods(filter);

        assertThat(edge("invoke", "filter", "echo", "{\"n\": 1}", "--timeout", "10")).as(output()).isZero();
        assertThat(stdout()).contains("status 200").contains("\"echo\" : {\n    \"n\" : 1\n  }");

        assertThat(edge("invoke", "filter", "fail")).isEqualTo(1);
        assertThat(stdout()).contains("status 500").contains("\"error\" : \"broken\"");
        assertThat(stderr()).contains("method fail of filter failed with status 500");

        assertThat(edge("invoke", "sensor", "echo")).isEqualTo(1);
        assertThat(stderr()).contains("module sensor is not connected");
        assertThat(edge("invoke", "filter", "echo", "--timeout", "2")).isEqualTo(2);
        assertThat(stderr()).contains("--timeout must be 5-300 seconds, not 2");
    }

    @Test
    void monitorPrintsUpstreamMessagesAndRouteCounts() throws Exception {
        MqttClient filter = connect("filter");
        CompletableFuture<Integer> monitor = CompletableFuture.supplyAsync(
                () -> edge("monitor", "--count", "2", "--color", "never", "--routes-every", "1"), background);
        Await.until("monitor subscribed", Duration.ofSeconds(10), () -> stdout().contains("monitoring " + address));

        publish(filter, "devices/" + DEVICE + "/modules/filter/messages/events/$.on=alerts&level=high/", "{\"t\":30}");
        publish(filter, "devices/" + DEVICE + "/modules/filter/messages/events/$.on=alerts/", "{\"t\":31}");

        assertThat(monitor.get(20, TimeUnit.SECONDS)).as(output()).isZero();
        assertThat(stdout()).contains("routes  sensorToFilter 0  alertsUp 0")
                .contains("filter/alerts -> $upstream  {\"t\":30}  level=high")
                .contains("filter/alerts -> $upstream  {\"t\":31}")
                .contains("routes  sensorToFilter 0  alertsUp 2")
                .doesNotContain("\u001b[");
    }

    @Test
    void offlineHoldsUpstreamMessagesAndOnlineReleasesThem() throws Exception {
        MqttClient filter = connect("filter");

        assertThat(edge("offline")).as(output()).isZero();
        assertThat(stdout()).contains("upstream offline at " + address + "; 0 messages waiting for $upstream");
        publish(filter, "devices/" + DEVICE + "/modules/filter/messages/events/$.on=alerts/", "{\"t\":1}");
        publish(filter, "devices/" + DEVICE + "/modules/filter/messages/events/$.on=alerts/", "{\"t\":2}");
        Await.until("two messages held", Duration.ofSeconds(10),
                () -> edge.hub().store().size("$upstream_Pri2000000000") == 2);
        assertThat(edge("status", "--color", "never")).isZero();
        assertThat(stdout()).contains("upstream offline").containsPattern("\\$upstream +default +2");

        assertThat(edge("online")).as(output()).isZero();
        assertThat(stdout()).contains("upstream online at " + address);
        Await.until("the held messages upstream", Duration.ofSeconds(10), () -> edge.hub().upstream().recent().size() == 2);
    }

    @Test
    void statusShowsModulesConnectionsQueuesAndRoutes() throws Exception {
        connect("filter");

        assertThat(edge("status", "--color", "never")).as(output()).isZero();

        assertThat(stdout()).contains("edge " + address + "   upstream online")
                .containsPattern("MODULE +CONNECTION +IN FLIGHT +DETAILS")
                .containsPattern("sensor +Disconnected +0").containsPattern("filter +Connected +0")
                .containsPattern("alertsUp +0 +FROM /messages/modules/filter/outputs/\\* INTO \\$upstream")
                .doesNotContain("\u001b[");

        assertThat(edge("status", "--color", "always")).isZero();
        assertThat(stdout()).contains("\u001b[32mConnected");

        out.reset();
        assertThat(edge("status", "--json")).isZero();
        JsonNode json = EdgeClient.JSON.readTree(stdout());
        assertThat(json.path("online").asBoolean()).isTrue();
        assertThat(json.path("modules").findValuesAsText("moduleId")).containsExactly("sensor", "filter");
        assertThat(json.path("routes").findValuesAsText("name")).containsExactly("sensorToFilter", "alertsUp");
    }

    @Test
    void withoutAnEdgeEveryClientCommandExitsWithThreeAndSaysHowToStartOne() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        List<List<String>> commands = List.of(List.of("send", "filter", "input1", "{}"), List.of("twin", "filter"),
                List.of("invoke", "filter", "echo"), List.of("monitor"), List.of("offline"), List.of("online"),
                List.of("status"));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--edge", "127.0.0.1:" + closedPort));
            err.reset();
            assertThat(EdgeCli.execute(args.toArray(String[]::new))).as(String.join(" ", command)).isEqualTo(3);
            assertThat(stderr()).contains("cannot reach an edge at 127.0.0.1:" + closedPort + " (connection refused)")
                    .contains("edge run").contains("--edge");
        }
    }

    @Test
    void badEdgeAddressesAreUsageErrors() {
        assertThat(EdgeCli.execute("status", "--edge", "nonsense")).isEqualTo(2);
        assertThat(stderr()).contains("'nonsense' is not host:port");
        assertThat(EdgeCli.execute("status", "--edge", "127.0.0.1:99999")).isEqualTo(2);
        assertThat(stderr()).contains("port 99999");
        assertThat(EdgeCli.execute("status", "--edge", "http://127.0.0.1:" + address.split(":")[1] + "/"))
                .as("a URL works too").isZero();
    }

    @Test
    void everyClientCommandExplainsItselfAndItsExitCodes() {
        for (String command : List.of("send", "twin", "invoke", "monitor", "offline", "online", "status")) {
            out.reset();
            assertThat(EdgeCli.execute(command, "--help")).isZero();
            assertThat(stdout()).as(command).contains("Usage: edge " + command).contains("--edge=<host:port>")
                    .contains("EDGE_ADDRESS").contains("Exit codes:").contains("no edge answers at the address");
        }
        out.reset();
        assertThat(EdgeCli.execute("--help")).isZero();
        assertThat(stdout()).contains("send").contains("twin").contains("invoke").contains("monitor")
                .contains("offline").contains("online").contains("status");
        assertThat(EdgeCli.execute("send", "filter")).as("missing arguments").isEqualTo(2);
    }

    private int edge(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--edge";
        all[args.length + 1] = address;
        return EdgeCli.execute(all);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String output() {
        return stdout() + "\n" + stderr();
    }

    private MqttClient connect(String module) throws Exception {
        ModuleIdentity identity = edge.hub().identities().find(DEVICE, module).orElseThrow();
        MqttClient client = new MqttClient("ssl://127.0.0.1:" + edge.servers().getFirst().address().getPort(),
                DEVICE + "/" + module, new MemoryPersistence());
        client.setTimeToWait(10_000);
        client.connect(TestHub.sdkLikeOptions("edgestudio.local", DEVICE, module, identity.sharedAccessKey(),
                System.currentTimeMillis() / 1000 + 3600, TestHub.sslContext(state.resolve("certs/edge-ca.cert.pem"))));
        modules.add(client);
        return client;
    }

    private static BlockingQueue<String> subscribe(MqttClient client, String filter) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        client.subscribe(filter, 1, (topic, message) ->
                received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
        return received;
    }

    private static void publish(MqttClient client, String topic, String body) throws MqttException {
        client.publish(topic, body.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** The module answers {@code echo} with 200 and its payload, {@code fail} with 500, as the SDK would. */
    private void answerMethods(MqttClient client) throws Exception {
        client.subscribe("$iothub/methods/POST/#", 1, (topic, message) -> {
            String name = topic.split("/")[3];
            String rid = topic.substring(topic.indexOf("$rid=") + 5);
            String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
            boolean ok = name.equals("echo");
            String answer = ok ? "{\"echo\":" + payload + "}" : "{\"error\":\"broken\"}";
            // Answer from another thread: Paho's callback thread must not wait for its own PUBACK.
            background.execute(() -> {
                try {
                    publish(client, "$iothub/methods/res/" + (ok ? 200 : 500) + "/?$rid=" + rid, answer);
                } catch (MqttException e) {
                    throw new IllegalStateException(e);
                }
            });
        });
    }
}
