package io.edgestudio.hub.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgestudio.hub.LocalEdgeHub;
import io.edgestudio.hub.LocalEdgeHubOptions;
import io.edgestudio.hub.manifest.ManifestLoader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workload API over real HTTP on a hub started from a manifest, as the SDKs call it. */
class WorkloadApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MANIFEST = """
            {"modulesContent": {
              "$edgeAgent": {"properties.desired": {"schemaVersion": "1.1",
                "systemModules": {"edgeAgent": {"type": "docker", "settings": {"image": "agent"}},
                  "edgeHub": {"type": "docker", "status": "running", "restartPolicy": "always", "settings": {"image": "hub"}}},
                "modules": {"sensor": {"type": "docker", "status": "running", "restartPolicy": "always",
                                       "settings": {"image": "sensor"}}}}},
              "$edgeHub": {"properties.desired": {"schemaVersion": "1.1", "routes": {},
                "storeAndForwardConfiguration": {"timeToLiveSecs": 7200}}}}}
            """;

    @TempDir
    Path state;

    private LocalEdgeHub edge;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        edge = LocalEdgeHub.start(new ManifestLoader().load(MANIFEST), options());
    }

    private LocalEdgeHubOptions options() {
        return LocalEdgeHubOptions.defaults(state, "127.0.0.1").withTlsAddress(new InetSocketAddress("127.0.0.1", 0))
                .withWorkloadAddress(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    @Test
    void theEnvironmentIsTheOneEdgeAgentGivesModules() {
        Map<String, String> environment = edge.workloadEnvironment("sensor");

        assertThat(environment).containsEntry("IOTEDGE_WORKLOADURI", edge.workload().orElseThrow().uri())
                .containsEntry("IOTEDGE_AUTHSCHEME", "sasToken").containsEntry("IOTEDGE_IOTHUBHOSTNAME", "edgestudio.local")
                .containsEntry("IOTEDGE_GATEWAYHOSTNAME", "127.0.0.1").containsEntry("IOTEDGE_DEVICEID", "edgestudio-device")
                .containsEntry("IOTEDGE_MODULEID", "sensor").containsEntry("IOTEDGE_APIVERSION", "2018-06-28")
                .containsKey("IOTEDGE_MODULEGENERATIONID");
        assertThat(environment.get("IOTEDGE_WORKLOADURI")).as("the Java SDK sends plain HTTP only to localhost")
                .startsWith("http://localhost:");
        assertThat(environment.get("IOTEDGE_MODULEGENERATIONID")).hasSize(32);
    }

    @Test
    void theGenerationIdSurvivesARestart() throws Exception {
        String generation = edge.workloadEnvironment("sensor").get("IOTEDGE_MODULEGENERATIONID");
        edge.close();
        edge = LocalEdgeHub.start(new ManifestLoader().load(MANIFEST), options());

        assertThat(edge.workloadEnvironment("sensor")).containsEntry("IOTEDGE_MODULEGENERATIONID", generation);
    }

    @Test
    void signIsTheHmacOfTheDataWithTheModulesKey() throws Exception {
        String data = "edgestudio.local%2Fdevices%2Fedgestudio-device%2Fmodules%2Fsensor\n1900000000";

        HttpResponse<String> response = sign("sensor", generation(), "{\"keyId\": \"primary\", \"algo\": \"HMACSHA256\","
                + " \"data\": \"" + base64(data) + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        String key = edge.hub().identities().find("edgestudio-device", "sensor").orElseThrow().sharedAccessKey();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
        assertThat(JSON.readTree(response.body()).path("digest").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8))));
        assertThat(edge.workload().orElseThrow().api().signatures()).isEqualTo(1);
    }

    @Test
    void signRefusesOtherModulesGenerationsKeysAndAlgorithms() throws Exception {
        String good = "{\"keyId\": \"primary\", \"algo\": \"HMACSHA256\", \"data\": \"" + base64("x") + "\"}";
        assertError(sign("sensor", "0000", good), 404, "has no generation 0000");
        assertError(sign("nosuch", generation(), good), 404, "no module nosuch");
        assertError(sign("sensor", generation(), good.replace("primary", "secondary")), 400, "keyId");
        assertError(sign("sensor", generation(), good.replace("HMACSHA256", "SHA1")), 400, "algo");
        assertError(sign("sensor", generation(), "{\"keyId\": \"primary\", \"algo\": \"HMACSHA256\", \"data\": \"%%\"}"),
                400, "base64");
        assertError(sign("sensor", generation(), "[1]"), 400, "body must be");
        assertError(send("POST", "/modules/sensor/genid/" + generation() + "/sign", good), 400, "api-version");
        assertThat(edge.workload().orElseThrow().api().signatures()).isZero();
    }

    @Test
    void theTrustBundleIsTheEdgeCa() throws Exception {
        HttpResponse<String> response = send("GET", "/trust-bundle?api-version=2018-06-28", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("certificate").asText())
                .isEqualTo(Files.readString(state.resolve("certs/edge-ca.cert.pem")))
                .startsWith("-----BEGIN CERTIFICATE-----");
        assertError(send("GET", "/nothing?api-version=2018-06-28", null), 404, "no workload endpoint");
    }

    @Test
    void withoutAWorkloadAddressThereIsNoWorkloadApi() throws Exception {
        edge.close();
        edge = LocalEdgeHub.start(new ManifestLoader().load(MANIFEST), options().withWorkloadAddress(null));

        assertThat(edge.workload()).isEmpty();
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> edge.workloadEnvironment("sensor")).withMessageContaining("without a workload API");
    }

    private String generation() {
        return edge.workloadEnvironment("sensor").get("IOTEDGE_MODULEGENERATIONID");
    }

    private HttpResponse<String> sign(String module, String generation, String body) throws Exception {
        return send("POST", "/modules/" + module + "/genid/" + generation + "/sign?api-version=2018-06-28", body);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        String base = edge.workload().orElseThrow().uri();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.substring(0, base.length() - 1) + path));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(HttpResponse<String> response, int status, String text) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("message").asText()).contains(text);
    }
}
