package io.edgestudio.hub.management;

import static io.edgestudio.hub.management.ManagementClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgestudio.hub.core.HubSettings;
import io.edgestudio.hub.routing.RouteEngine;
import io.edgestudio.hub.store.InMemoryMessageStore;
import io.edgestudio.hub.testing.Await;
import io.edgestudio.hub.testing.TestHub;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upstream feed, event stream, offline switch, route counters and Prometheus metrics over real HTTP. */
class ManagementUpstreamTest {

    private static final String ALERT = ManagementApiTest.SENDER_EVENTS + "$.on=out&alert=high/";

    @TempDir
    Path state;

    private TestHub edge;
    private ManagementServer server;
    private ManagementClient api;
    private MqttClient sender;

    @BeforeEach
    void start() throws Exception {
        edge = TestHub.start(state, HubSettings.defaults(TestHub.HUB_HOST), new InMemoryMessageStore(),
                identities -> RouteEngine.of(ManagementApiTest.ROUTES), new InetSocketAddress("127.0.0.1", 0),
                "sender", "receiver");
        server = ManagementServer.start(new ManagementApi(edge.hub, List.of("sender", "receiver"),
                ManagementApiTest.ROUTES), edge.hub.upstream(), new InetSocketAddress("127.0.0.1", 0));
        api = new ManagementClient(server.baseUri());
        sender = edge.connect("sender");
    }

    @AfterEach
    void stop() {
        server.close();
        edge.close();
    }

    @Test
    void upstreamMessagesAreListedAndRoutesCounted() throws Exception {
        publish(ALERT, "{\"t\":70}");
        publish(ManagementApiTest.SENDER_EVENTS + "$.on=out/", "{\"t\":20}");

        Await.until("the alert upstream", Duration.ofSeconds(10), () -> upstream().size() == 1);
        JsonNode message = upstream().get(0);
        assertThat(message.path("body").asText()).isEqualTo("{\"t\":70}");
        assertThat(message.path("properties").path("alert").asText()).isEqualTo("high");
        assertThat(message.path("systemProperties").path("connectionModuleId").asText()).isEqualTo("sender");

        JsonNode routes = json(api.get("/api/v1/routes"));
        assertThat(routes.findValuesAsText("name")).containsExactly("toReceiver", "alertsUp");
        assertThat(routes.get(0).path("messagesRouted").asLong()).isEqualTo(2);
        assertThat(routes.get(1).path("messagesRouted").asLong()).isEqualTo(1);
    }

    @Test
    void theStreamSendsEachUpstreamMessageAsAnEvent() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = api.http().send(api.request("/api/v1/upstream/stream")
                .timeout(Duration.ofMinutes(1)).GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                stream.body().forEach(lines::add);
            } catch (UncheckedIOException closed) {
                // the test closed the stream
            }
        });
        try {
            assertThat(lines.poll(10, TimeUnit.SECONDS)).startsWith(": subscribed");

            publish(ALERT, "{\"t\":71}");

            String data = nextData(lines);
            assertThat(ManagementClient.JSON.readTree(data.substring("data: ".length())).path("body").asText())
                    .isEqualTo("{\"t\":71}");
        } finally {
            stream.body().close();
            reader.interrupt();
        }
    }

    @Test
    void offlineHoldsUpstreamMessagesInTheQueueUntilOnlineAgain() throws Exception {
        HttpResponse<String> off = api.send("PUT", "/api/v1/upstream/online", "{\"online\": false}");
        assertThat(off.body()).isEqualTo("{\"online\":false}");

        publish(ALERT, "{\"n\":1}");
        publish(ALERT, "{\"n\":2}");

        Await.until("two messages queued for upstream", Duration.ofSeconds(10),
                () -> metrics().contains("edgehub_queue_length{endpoint=\"$upstream\",priority=\"default\"} 2"));
        assertThat(upstream()).isEmpty();
        assertThat(json(api.get("/api/v1/upstream/online")).path("online").asBoolean()).isFalse();
        assertThat(json(api.get("/api/v1/queues"))).contains(ManagementClient.JSON.readTree(
                "{\"endpoint\":\"$upstream\",\"priority\":\"default\",\"length\":2}"));

        api.send("PUT", "/api/v1/upstream/online", "{\"online\": true}");

        Await.until("the held messages upstream", Duration.ofSeconds(10), () -> upstream().size() == 2);
        assertThat(upstream().findValuesAsText("body")).containsExactly("{\"n\":1}", "{\"n\":2}");
        ManagementApiTest.assertError(api.send("PUT", "/api/v1/upstream/online", "{\"online\": \"yes\"}"), 400,
                "online");
    }

    @Test
    void metricsUseEdgeHubsNamesInPrometheusFormat() throws Exception {
        publish(ALERT, "{\"t\":72}");
        publish("devices/dev1/modules/sender/messages/events/$.on=nowhere/", "{}");
        Await.until("upstream delivery counted", Duration.ofSeconds(10),
                () -> metrics().contains("edgehub_messages_sent_total{to=\"$upstream\"} 1"));

        HttpResponse<String> response = api.get("/metrics");
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body())
                .contains("# TYPE edgehub_messages_received_total counter")
                .contains("edgehub_messages_received_total{id=\"dev1/sender\"} 2")
                .contains("edgehub_messages_dropped_total{reason=\"no_route\"} 1")
                .contains("edgehub_queue_length{endpoint=\"modules/receiver/inputs/in\",priority=\"default\"} 1")
                .contains("edgehub_connected_clients 1")
                .contains("edgestudio_route_messages_total{route=\"alertsUp\"} 1");
    }

    private void publish(String topic, String body) throws Exception {
        sender.publish(topic, body.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    private JsonNode upstream() {
        try {
            return json(api.get("/api/v1/upstream"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String metrics() {
        try {
            return api.get("/metrics").body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String nextData(BlockingQueue<String> lines) throws InterruptedException {
        while (true) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("an event line").isNotNull();
            if (line.startsWith("data: ")) {
                return line;
            }
        }
    }
}
