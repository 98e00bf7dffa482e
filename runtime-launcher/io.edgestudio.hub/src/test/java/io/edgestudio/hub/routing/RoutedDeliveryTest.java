package io.edgestudio.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.hub.core.HubMetrics;
import io.edgestudio.hub.core.HubSettings;
import io.edgestudio.hub.store.StoredMessage;
import io.edgestudio.hub.store.InMemoryMessageStore;
import io.edgestudio.hub.testing.Await;
import io.edgestudio.hub.testing.TestHub;
import io.edgestudio.routes.RouteDefinition;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Module output → route engine → module input and {@code $upstream}, over the real MQTT head. */
class RoutedDeliveryTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String MOD1_EVENTS = "devices/dev1/modules/mod1/messages/events/";

    @TempDir
    Path state;

    private TestHub edge;

    @BeforeEach
    void start() throws Exception {
        List<RouteDefinition> routes = List.of(
                RouteDefinition.of("toMod2", "FROM /messages/modules/mod1/outputs/output1 "
                        + "INTO BrokeredEndpoint(\"/modules/mod2/inputs/input1\")"),
                new RouteDefinition("alerts", "FROM /messages/modules/mod1/* WHERE alert = 'high' INTO $upstream", 0, 0),
                RouteDefinition.of("all", "FROM /messages/* INTO $upstream"));
        edge = TestHub.start(state, HubSettings.defaults(TestHub.HUB_HOST), new InMemoryMessageStore(),
                identities -> RouteEngine.of(routes), new InetSocketAddress("127.0.0.1", 0), "mod1", "mod2");
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    @Test
    void outputIsRoutedToTheOtherModulesInputWithItsConnectionIdentity() throws Exception {
        BlockingQueue<String> topics = new LinkedBlockingQueue<>();
        BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        MqttClient receiver = edge.connect("mod2");
        receiver.subscribe("devices/dev1/modules/mod2/inputs/#", 1, (topic, message) -> {
            topics.add(topic);
            bodies.add(new String(message.getPayload(), StandardCharsets.UTF_8));
        });
        MqttClient sender = edge.connect("mod1");

        sender.publish(MOD1_EVENTS + "$.mid=m-1&$.on=output1&$.cdid=spoofed&$.ct=application%2Fjson&color=blue/",
                "{\"t\":1}".getBytes(StandardCharsets.UTF_8), 1, false);

        assertThat(topics.poll(10, TimeUnit.SECONDS)).isEqualTo("devices/dev1/modules/mod2/inputs/input1/"
                + "%24.mid=m-1&%24.cdid=dev1&%24.ct=application%2Fjson&%24.cmid=mod1&color=blue");
        assertThat(bodies.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"t\":1}");
    }

    @Test
    void fanOutToEveryMatchingRouteOncePerEndpointAndPriority() throws Exception {
        MqttClient sender = edge.connect("mod1");

        sender.publish(MOD1_EVENTS + "$.on=output2&alert=high/", "a".getBytes(StandardCharsets.UTF_8), 1, false);
        sender.publish(MOD1_EVENTS + "$.on=output2&alert=low/", "b".getBytes(StandardCharsets.UTF_8), 1, false);

        Await.until("three upstream copies", TIMEOUT, () -> edge.hub.upstream().recent().size() == 3);
        assertThat(edge.hub.upstream().recent()).extracting(m -> m.queue() + ":" + body(m))
                .containsExactlyInAnyOrder("$upstream_Pri0:a", "$upstream_Pri2000000000:a",
                        "$upstream_Pri2000000000:b");
        assertThat(edge.hub.store().size("modules/mod2/inputs/input1_Pri2000000000")).isZero();
    }

    @Test
    void offlineUpstreamAccumulatesAndDrainsHighestPriorityFirst() throws Exception {
        edge.hub.upstream().setOnline(false);
        MqttClient sender = edge.connect("mod1");
        sender.publish(MOD1_EVENTS + "$.on=o&alert=low/", "default".getBytes(StandardCharsets.UTF_8), 1, false);
        sender.publish(MOD1_EVENTS + "$.on=o&alert=high/", "urgent".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(edge.hub.store().size("$upstream_Pri2000000000")).isEqualTo(2);
        assertThat(edge.hub.upstream().recent()).isEmpty();

        edge.hub.upstream().setOnline(true);

        Await.until("drained", TIMEOUT, () -> edge.hub.upstream().recent().size() == 3);
        assertThat(edge.hub.upstream().recent()).extracting(RoutedDeliveryTest::body)
                .containsExactly("urgent", "default", "urgent");
        assertThat(edge.hub.metrics().get(HubMetrics.SENT, "$upstream")).isEqualTo(3);
    }

    @Test
    void messagesForADisconnectedModuleWaitUntilItConnects() throws Exception {
        MqttClient sender = edge.connect("mod1");
        sender.publish(MOD1_EVENTS + "$.on=output1/", "waiting".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(edge.hub.store().size("modules/mod2/inputs/input1_Pri2000000000")).isEqualTo(1);

        BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        MqttClient receiver = edge.connect("mod2");
        receiver.subscribe("devices/dev1/modules/mod2/inputs/#", 1,
                (topic, message) -> bodies.add(new String(message.getPayload(), StandardCharsets.UTF_8)));

        assertThat(bodies.poll(10, TimeUnit.SECONDS)).isEqualTo("waiting");
    }

    private static String body(StoredMessage message) {
        return new String(message.message().body(), StandardCharsets.UTF_8);
    }
}
