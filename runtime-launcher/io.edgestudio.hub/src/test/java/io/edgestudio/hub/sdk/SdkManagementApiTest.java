package io.edgestudio.hub.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.auth.IotHubSSLContext;
import io.edgestudio.hub.core.HubSettings;
import io.edgestudio.hub.core.MessageRouting;
import io.edgestudio.hub.identity.ModuleCredentials;
import io.edgestudio.hub.management.ManagementApi;
import io.edgestudio.hub.management.ManagementServer;
import io.edgestudio.hub.store.InMemoryMessageStore;
import io.edgestudio.hub.testing.TestHub;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** iotedgehubdev's workflow with an unmodified SDK 2.5.0 module: a message POSTed to the API reaches its input. */
class SdkManagementApiTest {

    @TempDir
    Path state;

    @Test
    void postedMessageReachesTheSdkModulesInput() throws Exception {
        try (TestHub edge = TestHub.startOnSdkPort(state, HubSettings.defaults(TestHub.HUB_HOST),
                new InMemoryMessageStore(), identities -> MessageRouting.none(), "target");
                ManagementServer api = ManagementServer.start(new ManagementApi(edge.hub, List.of("target"), List.of()),
                        edge.hub.upstream(), new InetSocketAddress(edge.gatewayHostName(), 0))) {
            BlockingQueue<Message> received = new LinkedBlockingQueue<>();
            ModuleClient target = client(edge, "target");
            try {
                target.setMessageCallback("input1", (message, context) -> {
                    received.add(message);
                    return IotHubMessageResult.COMPLETE;
                }, null);
                target.open(false);

                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.baseUri() + "/api/v1/messages")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"inputName": "input1", "data": {"temperature": 30},
                                 "messageId": "api-1", "properties": {"source": "test"}}""")).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(202);
                Message arrived = received.poll(20, TimeUnit.SECONDS);
                assertThat(arrived).as("the posted message at target/input1").isNotNull();
                assertThat(new String(arrived.getBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"temperature\":30}");
                assertThat(arrived.getMessageId()).isEqualTo("api-1");
                assertThat(arrived.getProperty("source")).isEqualTo("test");
                assertThat(arrived.getInputName()).isEqualTo("input1");
            } finally {
                target.close();
            }
        }
    }

    private static ModuleClient client(TestHub edge, String module) throws Exception {
        ModuleCredentials credentials = new ModuleCredentials(TestHub.HUB_HOST, edge.gatewayHostName(),
                edge.certificates.caFile());
        ClientOptions options = ClientOptions.builder()
                .sslContext(IotHubSSLContext.getSSLContextFromFile(edge.certificates.caFile().toString())).build();
        return new ModuleClient(credentials.connectionString(edge.identity(module)), IotHubClientProtocol.MQTT,
                options);
    }
}
