package io.edgestudio.hub.management;

import static io.edgestudio.hub.management.ManagementClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.hub.core.HubSettings;
import io.edgestudio.hub.routing.RouteEngine;
import io.edgestudio.hub.store.InMemoryMessageStore;
import io.edgestudio.hub.testing.Await;
import io.edgestudio.hub.testing.TestHub;
import io.edgestudio.routes.RouteDefinition;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The management API over real HTTP against a real hub, with Paho clients as modules. */
class ManagementApiTest {

    static final List<RouteDefinition> ROUTES = List.of(
            RouteDefinition.of("toReceiver",
                    "FROM /messages/modules/sender/outputs/out INTO BrokeredEndpoint(\"/modules/receiver/inputs/in\")"),
            RouteDefinition.of("alertsUp", "FROM /messages/modules/sender/* WHERE alert = 'high' INTO $upstream"));
    static final String SENDER_EVENTS = "devices/dev1/modules/sender/messages/events/";

    @TempDir
    Path state;

    private TestHub edge;
    private ManagementServer server;
    private ManagementClient api;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        edge = TestHub.start(state, HubSettings.defaults(TestHub.HUB_HOST), new InMemoryMessageStore(),
                identities -> RouteEngine.of(ROUTES), new InetSocketAddress("127.0.0.1", 0), "sender", "receiver",
                "target");
        server = ManagementServer.start(new ManagementApi(edge.hub, List.of("sender", "receiver", "target"), ROUTES),
                edge.hub.upstream(), new InetSocketAddress("127.0.0.1", 0));
        api = new ManagementClient(server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
        edge.close();
    }

    @Test
    void postedMessageReachesThePahoModulesInputWithItsProperties() throws Exception {
        subscribe(edge.connect("receiver"), "devices/dev1/modules/receiver/inputs/#");

        HttpResponse<String> response = api.send("POST", "/api/v1/messages", """
                {"module": "receiver", "inputName": "input1", "data": {"t": 21},
                 "messageId": "m-1", "properties": {"alert": "high", "n": 3}}""");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).path("message").asText()).isEqualTo("accepted");
        assertThat(next()).startsWith("devices/dev1/modules/receiver/inputs/input1/")
                .contains("%24.mid=m-1").contains("alert=high").contains("n=3").endsWith(" {\"t\":21}");
    }

    @Test
    void withoutAModuleTheMessageGoesToTargetWithDataAsJsonText() throws Exception {
        subscribe(edge.connect("target"), "devices/dev1/modules/target/inputs/#");

        HttpResponse<String> response = api.send("POST", "/api/v1/messages",
                "{\"inputName\": \"input1\", \"data\": \"hello world\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        String messageId = json(response).path("messageId").asText();
        assertThat(messageId).as("an id is given when the request has none").isNotEmpty();
        assertThat(next()).as("iotedgehubdev sends JSON.stringify(data)").endsWith(" \"hello world\"")
                .contains("%24.mid=" + messageId);
    }

    @Test
    void badRequestsGetJsonErrors() throws Exception {
        assertError(api.send("POST", "/api/v1/messages", "{\"data\": 1}"), 400, "inputName");
        assertError(api.send("POST", "/api/v1/messages", "{\"inputName\": \"i\"}"), 400, "data");
        assertError(api.send("POST", "/api/v1/messages", "{not json"), 400, "not valid JSON");
        assertError(api.send("POST", "/api/v1/messages", "{\"module\": \"nope\", \"inputName\": \"i\", \"data\": 1}"),
                404, "no module nope");
        assertError(api.get("/api/v1/modules/nope/twin"), 404, "no module nope");
        assertError(api.send("PATCH", "/api/v1/modules/nope/twin/desired", "{}"), 404, "no module nope");
        assertError(api.send("POST", "/api/v1/modules/nope/methods/m", "{}"), 404, "no module nope");
        assertError(api.get("/api/v1/nothing"), 404, "no endpoint");
        assertError(api.send("DELETE", "/api/v1/modules", ""), 405, "use GET");
    }

    @Test
    void modulesListTheirConnectionState() throws Exception {
        assertThat(state("receiver")).isEqualTo("Disconnected");
        MqttClient receiver = edge.connect("receiver");
        assertThat(state("receiver")).isEqualTo("Connected");
        receiver.disconnect();
        Await.until("receiver shown disconnected", Duration.ofSeconds(10), () -> state("receiver").equals("Disconnected"));
        assertThat(json(api.get("/api/v1/modules")).findValuesAsText("moduleId"))
                .containsExactly("sender", "receiver", "target");
    }

    @Test
    void desiredPatchIsStoredAndPushedToTheConnectedModule() throws Exception {
        subscribe(edge.connect("receiver"), "$iothub/twin/PATCH/properties/desired/#");

        HttpResponse<String> patched = api.send("PATCH", "/api/v1/modules/receiver/twin/desired",
                "{\"interval\": 10}");

        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(json(patched).path("desired").path("$version").asLong()).isEqualTo(2);
        assertThat(next()).isEqualTo("$iothub/twin/PATCH/properties/desired/?$version=2 {\"interval\":10,\"$version\":2}");
        assertThat(api.get("/api/v1/modules/receiver/twin").body())
                .isEqualTo("{\"desired\":{\"interval\":10,\"$version\":2},\"reported\":{\"$version\":1}}");
    }

    @Test
    void methodIsInvokedOnTheModuleAndItsAnswerReturned() throws Exception {
        MqttClient module = edge.connect("receiver");
        subscribe(module, "$iothub/methods/POST/#");

        CompletableFuture<HttpResponse<String>> call = api.http().sendAsync(api.with("POST",
                "/api/v1/modules/receiver/methods/reboot", "{\"payload\": {\"delay\": 1}, \"responseTimeoutInSeconds\": 10}"),
                HttpResponse.BodyHandlers.ofString());
        String request = next();
        assertThat(request).startsWith("$iothub/methods/POST/reboot/?$rid=").endsWith(" {\"delay\":1}");
        String rid = request.substring(request.indexOf("$rid=") + 5, request.indexOf(' '));
        module.publish("$iothub/methods/res/200/?$rid=" + rid, "{\"done\":true}".getBytes(StandardCharsets.UTF_8), 1,
                false);

        HttpResponse<String> response = call.get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":200,\"payload\":{\"done\":true}}");
        assertError(api.send("POST", "/api/v1/modules/sender/methods/reboot", "{}"), 404, "not connected");
        assertError(api.send("POST", "/api/v1/modules/receiver/methods/reboot", "{\"responseTimeoutInSeconds\": 2}"),
                400, "5-300");
    }

    private String state(String module) {
        try {
            for (var entry : json(api.get("/api/v1/modules"))) {
                if (entry.path("moduleId").asText().equals(module)) {
                    return entry.path("connectionState").asText();
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("module " + module + " not listed");
    }

    private void subscribe(MqttClient client, String filter) throws Exception {
        client.subscribe(filter, 1, (topic, message) ->
                received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
    }

    private String next() throws InterruptedException {
        String message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message).as("a message from the hub").isNotNull();
        return message;
    }

    static void assertError(HttpResponse<String> response, int status, String text) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        assertThat(json(response).path("error").asText()).contains(text);
    }
}
