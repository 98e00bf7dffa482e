package io.edgestudio.hub.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgestudio.hub.core.HubMetrics;
import io.edgestudio.hub.core.HubSettings;
import io.edgestudio.hub.core.MessageRouting;
import io.edgestudio.hub.message.HubMessage;
import io.edgestudio.hub.store.InMemoryMessageStore;
import io.edgestudio.hub.testing.Await;
import io.edgestudio.hub.testing.TestHub;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw protocol cases against the real MQTT head over TLS, with Paho as the client. */
class MqttHeadTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String EVENTS = "devices/dev1/modules/mod1/messages/events/";

    @TempDir
    Path state;

    private TestHub edge;

    @BeforeEach
    void start() throws Exception {
        HubSettings settings = HubSettings.defaults(TestHub.HUB_HOST).withInflight(2, Duration.ofMillis(500));
        edge = TestHub.start(state, settings, new InMemoryMessageStore(), identities -> MessageRouting.none(),
                new InetSocketAddress("127.0.0.1", 0), "mod1", "mod2");
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    @Test
    void validSasConnectsAndQos1PublishIsAcknowledged() throws Exception {
        MqttClient client = edge.connect("mod1");

        client.publish(EVENTS + "$.mid=m-1&$.on=output1&alert=high/", "hi".getBytes(StandardCharsets.UTF_8), 1, false);
        client.publish(EVENTS, "qos0".getBytes(StandardCharsets.UTF_8), 0, false);

        Await.until("both messages received", TIMEOUT,
                () -> edge.hub.metrics().get(HubMetrics.RECEIVED, "mod1") == 2);
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void badOrExpiredSasIsRefused() throws Exception {
        long inAnHour = System.currentTimeMillis() / 1000 + 3600;
        String otherKey = edge.identity("mod2").sharedAccessKey();
        assertRefused(edge.options("mod1", otherKey, inAnHour), MqttException.REASON_CODE_FAILED_AUTHENTICATION);

        long tenMinutesAgo = System.currentTimeMillis() / 1000 - 600;
        String ownKey = edge.identity("mod1").sharedAccessKey();
        assertRefused(edge.options("mod1", ownKey, tenMinutesAgo), MqttException.REASON_CODE_FAILED_AUTHENTICATION);
    }

    @Test
    void clientIdMustMatchTheUsername() throws Exception {
        MqttClient impostor = edge.client("dev1/mod2");
        assertThatThrownBy(() -> impostor.connect(edge.options("mod1")))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                        .isEqualTo(MqttException.REASON_CODE_INVALID_CLIENT_ID));
    }

    @Test
    void publishingOutsideOnesNamespaceClosesOnlyThatConnection() throws Exception {
        MqttClient bystander = edge.connect("mod2");
        MqttClient client = edge.connect("mod1");

        try {
            client.publish("devices/dev1/modules/mod2/messages/events/", new byte[] {1}, 1, false);
        } catch (MqttException expected) {
            // the connection is closed instead of a PUBACK
        }

        Await.until("mod1 disconnected", TIMEOUT, () -> !client.isConnected());
        assertThat(edge.hub.metrics().get(HubMetrics.RECEIVED, "mod1")).isZero();
        bystander.publish("devices/dev1/modules/mod2/messages/events/", new byte[] {1}, 1, false);
        assertThat(bystander.isConnected()).isTrue();
    }

    @Test
    void subscribingOutsideOnesNamespaceIsRefused() throws Exception {
        MqttClient client = edge.connect("mod1");

        assertThat(grantedQos(client, "devices/dev1/modules/mod2/inputs/#")).isEqualTo(0x80);
        assertThat(grantedQos(client, "#")).isEqualTo(0x80);
        assertThat(grantedQos(client, "devices/dev1/modules/mod1/inputs/#")).isEqualTo(1);
        assertThat(grantedQos(client, "$iothub/methods/POST/#")).isEqualTo(1);
    }

    @Test
    void malformedPacketsCloseOnlyThatConnection() throws Exception {
        MqttClient bystander = edge.connect("mod2");

        try (SSLSocket raw = rawSocket()) {
            OutputStream out = raw.getOutputStream();
            out.write(new byte[] {(byte) 0x10, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01});
            out.flush();
            assertClosedByServer(raw);
        }
        try (SSLSocket raw = rawSocket()) {
            raw.getOutputStream().write(new byte[] {(byte) 0xC0, 0x00});
            raw.getOutputStream().flush();
            assertClosedByServer(raw);
        }

        bystander.publish("devices/dev1/modules/mod2/messages/events/", new byte[] {1}, 1, false);
        assertThat(bystander.isConnected()).isTrue();
    }

    @Test
    void silentConnectionsAreClosedAfterTheConnectTimeout() throws Exception {
        try (SSLSocket raw = rawSocket()) {
            raw.startHandshake();
            assertClosedByServer(raw);
        }
    }

    @Test
    void inputMessagesUsePercentEncodedSystemProperties() throws Exception {
        BlockingQueue<String> topics = new LinkedBlockingQueue<>();
        MqttClient client = edge.connect("mod2");
        client.subscribe("devices/dev1/modules/mod2/inputs/#", 1, (topic, message) -> topics.add(topic));

        Map<String, String> system = new LinkedHashMap<>();
        system.put("messageId", "m-2");
        system.put("correlationId", "c-2");
        system.put("contentType", "application/json");
        system.put("connectionDeviceId", "dev1");
        system.put("connectionModuleId", "modA");
        edge.hub.sendToInput("mod2", "input1", new HubMessage("{}".getBytes(StandardCharsets.UTF_8), system,
                Map.of("color", "blue"), Instant.now()), 0);

        assertThat(topics.poll(10, TimeUnit.SECONDS)).isEqualTo("devices/dev1/modules/mod2/inputs/input1/"
                + "%24.mid=m-2&%24.cid=c-2&%24.ct=application%2Fjson&%24.cdid=dev1&%24.cmid=modA&color=blue");
        Await.until("checkpoint after PUBACK", TIMEOUT, () -> edge.hub.store().size("modules/mod2/inputs/input1_Pri0") == 0);
    }

    @Test
    void inflightWindowIsBoundedAndUnacknowledgedMessagesExpire() throws Exception {
        BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        MqttClient client = edge.client("dev1/mod2");
        client.setManualAcks(true);
        client.connect(edge.options("mod2"));
        client.subscribe("devices/dev1/modules/mod2/inputs/#", 1, (topic, message) -> received.add(message));

        for (int i = 0; i < 3; i++) {
            edge.hub.sendToInput("mod2", "input1", message("m" + i), 0);
        }

        assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(received.poll(200, TimeUnit.MILLISECONDS)).as("window of 2 is full").isNull();
        Await.until("in-flight expiry frees the window", TIMEOUT, () -> {
            edge.hub.runMaintenance();
            return !received.isEmpty();
        });
        assertThat(new String(received.poll().getPayload(), StandardCharsets.UTF_8)).isEqualTo("m2");
        assertThat(edge.hub.metrics().get(HubMetrics.DROPPED, "unacknowledged")).isEqualTo(2);
    }

    @Test
    void unacknowledgedMessagesAreRedeliveredAfterReconnect() throws Exception {
        BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        MqttClient first = edge.client("dev1/mod2");
        first.setManualAcks(true);
        first.connect(edge.options("mod2"));
        first.subscribe("devices/dev1/modules/mod2/inputs/#", 1, (topic, message) -> received.add(message));
        edge.hub.sendToInput("mod2", "input1", message("once"), 0);
        assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
        first.disconnectForcibly(0, 1000, false);

        MqttClient second = edge.client("dev1/mod2");
        second.setCallback(new Callback(received));
        second.connect(edge.options("mod2"));

        MqttMessage again = received.poll(10, TimeUnit.SECONDS);
        assertThat(again).isNotNull();
        assertThat(again.isDuplicate()).isTrue();
        assertThat(new String(again.getPayload(), StandardCharsets.UTF_8)).isEqualTo("once");
        Await.until("acknowledged this time", TIMEOUT,
                () -> edge.hub.store().size("modules/mod2/inputs/input1_Pri0") == 0);
    }

    private static HubMessage message(String body) {
        return new HubMessage(body.getBytes(StandardCharsets.UTF_8), Map.of(), Map.of(), Instant.now());
    }

    private void assertRefused(MqttConnectOptions options, int reasonCode) throws Exception {
        MqttClient client = edge.client("dev1/mod1");
        assertThatThrownBy(() -> client.connect(options)).isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(reasonCode));
    }

    private static int grantedQos(MqttClient client, String filter) {
        try {
            return client.subscribeWithResponse(filter, 1).getGrantedQos()[0];
        } catch (MqttException e) {
            return e.getReasonCode();
        }
    }

    private SSLSocket rawSocket() throws Exception {
        SSLSocket socket = (SSLSocket) edge.sslContext().getSocketFactory().createSocket(
                edge.server.address().getAddress(), edge.server.address().getPort());
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        return socket;
    }

    private static void assertClosedByServer(SSLSocket socket) throws Exception {
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // drain whatever the server sent before closing
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("server did not close the connection", e);
        } catch (java.io.IOException closed) {
            // reset by the server also counts as closed
        }
    }

    /** Collects messages delivered to a session without subscribing again. */
    private record Callback(BlockingQueue<MqttMessage> received) implements org.eclipse.paho.client.mqttv3.MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(message);
        }

        @Override
        public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
        }
    }

}
