package io.edgestudio.hub.method;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgestudio.hub.core.HubSettings;
import io.edgestudio.hub.core.MessageRouting;
import io.edgestudio.hub.identity.ModuleIdentity;
import io.edgestudio.hub.identity.SharedAccessSignature;
import io.edgestudio.hub.store.InMemoryMessageStore;
import io.edgestudio.hub.testing.TestHub;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Module → module direct methods over real HTTPS (JDK client, the hub's CA) exactly as the SDK sends them, with
 * Paho modules as the callees: forwarding and answer, edgeHub's 401/400/404/504 answers, the connect timeout.
 */
class ModuleMethodHttpsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PING = "{\"methodName\":\"ping\",\"payload\":{\"n\":1}}";

    @TempDir
    Path state;

    private TestHub edge;
    private MethodServer server;
    private HttpClient http;
    private final BlockingQueue<String> calls = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        edge = TestHub.start(state, HubSettings.defaults(TestHub.HUB_HOST), new InMemoryMessageStore(),
                identities -> MessageRouting.none(), new InetSocketAddress("127.0.0.1", 0), "caller", "callee", "late");
        server = MethodServer.start(new ModuleMethodApi(TestHub.DEVICE, edge.hub.authenticator(), edge.hub.methods()),
                new InetSocketAddress("127.0.0.1", 0), edge.certificates.serverContext());
        http = HttpClient.newBuilder().sslContext(edge.sslContext()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        server.close();
        edge.close();
    }

    @Test
    void aCallIsForwardedToTheModuleAndItsAnswerReturned() throws Exception {
        MqttClient callee = listen("callee");

        CompletableFuture<HttpResponse<String>> response = post("callee", token("caller"), "dev1/caller", PING);
        String call = calls.poll(10, TimeUnit.SECONDS);
        assertThat(call).startsWith("$iothub/methods/POST/ping/?$rid=").endsWith(" {\"n\":1}");
        answer(callee, call, 201, "{\"pong\":\"ping\"}");

        HttpResponse<String> answered = response.get(20, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answered.body())).isEqualTo(JSON.readTree("{\"status\":201,\"payload\":{\"pong\":\"ping\"}}"));
    }

    @Test
    void aModulesOwn404IsItsAnswerNotAMissingModule() throws Exception {
        MqttClient callee = listen("callee");

        CompletableFuture<HttpResponse<String>> response = post("callee", token("caller"), "dev1/caller",
                "{\"methodName\":\"find\"}");
        answer(callee, calls.poll(10, TimeUnit.SECONDS), 404, "{\"why\":\"no such item\"}");

        HttpResponse<String> answered = response.get(20, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answered.body()))
                .isEqualTo(JSON.readTree("{\"status\":404,\"payload\":{\"why\":\"no such item\"}}"));
    }

    @Test
    void callersWithoutAValidTokenForThemselvesGet401() throws Exception {
        ModuleIdentity caller = edge.identity("caller");
        long hour = System.currentTimeMillis() / 1000 + 3600;

        assertRefused(post("callee", null, "dev1/caller", PING), "Authorization header missing");
        assertRefused(post("callee", token("caller"), null, PING), "does not contain ModuleId");
        assertRefused(post("callee", token("caller"), "caller", PING), "device Id and module Id");
        assertRefused(post("callee", token("caller"), "dev1/callee", PING), "audience");
        assertRefused(post("callee", SharedAccessSignature.create(caller.resource(TestHub.HUB_HOST),
                caller.sharedAccessKey(), System.currentTimeMillis() / 1000 - 3600), "dev1/caller", PING), "expired");
        assertRefused(post("callee", SharedAccessSignature.create(caller.resource(TestHub.HUB_HOST),
                edge.identity("callee").sharedAccessKey(), hour), "dev1/caller", PING), "signature");
        assertRefused(post("callee", token("caller"), "dev2/caller", PING), "Only modules on IoT Edge device dev1");
        assertThat(calls).as("no call reached a module").isEmpty();
    }

    @Test
    void aTargetThatIsNotConnectedGives404AndMalformedCallsGive400() throws Exception {
        HttpResponse<String> missing = post("late", token("caller"), "dev1/caller", PING).get(10, TimeUnit.SECONDS);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("status").asInt()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("payload").isNull()).isTrue();
        assertThat(JSON.readTree(missing.body()).path("message").asText()).isEqualTo("Client dev1/late not found");
        assertThat(send("/twins/dev2/modules/callee/methods", token("caller"), PING).get(10, TimeUnit.SECONDS)
                .statusCode()).as("a module of another device").isEqualTo(404);

        assertBadRequest("{\"methodName\":", "not JSON");
        assertBadRequest("{\"payload\":1}", "methodName is required");
        assertBadRequest("{\"methodName\":\"ping\",\"responseTimeoutInSeconds\":1}", "ResponseTimeout has to be between 5");
        assertBadRequest("{\"methodName\":\"" + "m".repeat(101) + "\"}", "cannot be longer than 100");
    }

    @Test
    void theCallWaitsUpToTheConnectTimeoutForTheModuleToListen() throws Exception {
        CompletableFuture<HttpResponse<String>> response = post("late", token("caller"), "dev1/caller",
                "{\"methodName\":\"wake\",\"payload\":null,\"connectTimeoutInSeconds\":20}");
        assertThat(response).as("still waiting for the module").isNotDone();

        MqttClient late = listen("late");
        String call = calls.poll(10, TimeUnit.SECONDS);
        assertThat(call).startsWith("$iothub/methods/POST/wake/?$rid=").endsWith(" null");
        answer(late, call, 200, "");

        HttpResponse<String> answered = response.get(20, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answered.body())).isEqualTo(JSON.readTree("{\"status\":200,\"payload\":null}"));
    }

    @Test
    void aModuleThatDoesNotAnswerInTimeGives504() throws Exception {
        listen("callee");

        HttpResponse<String> response = post("callee", token("caller"), "dev1/caller",
                "{\"methodName\":\"slow\",\"responseTimeoutInSeconds\":5}").get(20, TimeUnit.SECONDS);

        assertThat(calls.poll()).startsWith("$iothub/methods/POST/slow/");
        assertThat(response.statusCode()).isEqualTo(504);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(504);
        assertThat(body.path("message").asText()).contains("did not answer slow within 5 s");
    }

    @Test
    void anAddressInUseLeavesMethodsUnavailableWithAWarningInsteadOfFailing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", taken.getLocalPort());
            assertThat(MethodServer.startOrWarn(new ModuleMethodApi(TestHub.DEVICE, edge.hub.authenticator(),
                    edge.hub.methods()), address, edge.certificates.serverContext())).isEmpty();
        }
        assertThat(MethodServer.unavailable(new InetSocketAddress("127.0.0.9", 443), new BindException("Permission denied")))
                .isEqualTo("Module-to-module direct methods are unavailable: cannot listen on 127.0.0.9:443 (Permission "
                        + "denied); the Azure IoT SDK always calls port 443: run the hub as root, or allow unprivileged "
                        + "ports with 'sysctl net.ipv4.ip_unprivileged_port_start=443'. Everything else works.");
        assertThat(MethodServer.unavailable(new InetSocketAddress("127.0.0.9", 443),
                new BindException("Address already in use"))).contains("another process listens there");
    }

    private void assertRefused(CompletableFuture<HttpResponse<String>> response, String reason) throws Exception {
        HttpResponse<String> refused = response.get(10, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.body()).contains(reason);
    }

    private void assertBadRequest(String body, String reason) throws Exception {
        HttpResponse<String> response = post("callee", token("caller"), "dev1/caller", body).get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).asText()).contains(reason);
    }

    /** A Paho module subscribed to method calls; calls arrive in {@link #calls}. */
    private MqttClient listen(String module) throws Exception {
        MqttClient client = edge.connect(module);
        client.subscribe("$iothub/methods/POST/#", 1,
                (topic, message) -> calls.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
        return client;
    }

    private static void answer(MqttClient module, String call, int status, String payload) throws Exception {
        String rid = call.substring(call.indexOf("$rid=") + 5, call.indexOf(' '));
        module.publish("$iothub/methods/res/" + status + "/?$rid=" + rid, payload.getBytes(StandardCharsets.UTF_8), 1,
                false);
    }

    private String token(String module) {
        ModuleIdentity identity = edge.identity(module);
        return SharedAccessSignature.create(identity.resource(TestHub.HUB_HOST), identity.sharedAccessKey(),
                System.currentTimeMillis() / 1000 + 3600);
    }

    private CompletableFuture<HttpResponse<String>> post(String target, String authorization, String caller, String body) {
        return send("/twins/dev1/modules/" + target + "/methods", authorization, caller, body);
    }

    private CompletableFuture<HttpResponse<String>> send(String path, String authorization, String body) {
        return send(path, authorization, "dev1/caller", body);
    }

    /** The request as the SDK sends it (RUNTIME-FACTS.md "Module → module direct method"). */
    private CompletableFuture<HttpResponse<String>> send(String path, String authorization, String caller, String body) {
        InetSocketAddress address = server.address();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + address.getPort() + path
                + "?api-version=2020-09-30")).timeout(Duration.ofSeconds(30))
                .header("iothub-to", path).header("content-type", "application/json;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("authorization", authorization);
        }
        if (caller != null) {
            request.header("x-ms-edge-moduleId", caller);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
