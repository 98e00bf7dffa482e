package io.edgestudio.hub.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.hub.core.EdgeHub;
import io.edgestudio.hub.core.HubSettings;
import io.edgestudio.hub.core.MessageRouting;
import io.edgestudio.hub.identity.IdentityRegistry;
import io.edgestudio.hub.identity.ModuleIdentity;
import io.edgestudio.hub.identity.SharedAccessSignature;
import io.edgestudio.hub.store.InMemoryMessageStore;
import io.edgestudio.hub.twin.InMemoryTwinStore;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection state machine through Netty's EmbeddedChannel: packets in, packets out, no sockets. */
class MqttConnectionHandlerTest {

    @TempDir
    Path state;

    private EdgeHub hub;
    private ModuleIdentity identity;
    private EmbeddedChannel channel;

    @BeforeEach
    void setUp() throws Exception {
        IdentityRegistry identities = IdentityRegistry.open("dev1", state);
        identity = identities.ensure(List.of("mod1")).get(0);
        hub = new EdgeHub(HubSettings.defaults("h.local"), identities, new InMemoryMessageStore(),
                MessageRouting.none(), new InMemoryTwinStore(), Clock.systemUTC());
        channel = new EmbeddedChannel();
        channel.pipeline().addLast(MqttChannelInitializer.IDLE, new IdleStateHandler(0, 0, 0));
        channel.pipeline().addLast(MqttChannelInitializer.DECODER, new MqttDecoder());
        channel.pipeline().addLast(MqttChannelInitializer.ENCODER, MqttEncoder.INSTANCE);
        channel.pipeline().addLast(MqttChannelInitializer.CONNECTION,
                new MqttConnectionHandler(new MqttConnection(hub, channel)));
    }

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
        hub.close();
    }

    @Test
    void pingIsAnsweredAfterConnect() {
        assertThat(connect()).isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);

        send(new MqttMessage(new MqttFixedHeader(MqttMessageType.PINGREQ, false, MqttQoS.AT_MOST_ONCE, false, 0)));

        assertThat(receive().fixedHeader().messageType()).isEqualTo(MqttMessageType.PINGRESP);
        assertThat(channel.isOpen()).isTrue();
        assertThat(channel.pipeline().get(MqttChannelInitializer.IDLE)).as("keep-alive handler").isNotNull();
    }

    @Test
    void anythingBeforeConnectClosesTheConnection() {
        send(new MqttMessage(new MqttFixedHeader(MqttMessageType.PINGREQ, false, MqttQoS.AT_MOST_ONCE, false, 0)));

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aSecondConnectClosesTheConnection() {
        connect();
        send(connectPacket(password()));

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void qos2PublishClosesTheConnectionWithoutStoring() {
        connect();
        send(MqttMessageBuilders.publish().topicName("devices/dev1/modules/mod1/messages/events/")
                .qos(MqttQoS.EXACTLY_ONCE).messageId(7).payload(Unpooled.wrappedBuffer(new byte[] {1})).build());

        assertThat(channel.isOpen()).isFalse();
        assertThat(hub.store().queues()).isEmpty();
    }

    @Test
    void otherProtocolVersionsAreRefused() {
        send(MqttMessageBuilders.connect().clientId("dev1/mod1").protocolVersion(io.netty.handler.codec.mqtt.MqttVersion.MQTT_3_1)
                .username("h.local/dev1/mod1/?api-version=2020-09-30").password(password()).build());

        MqttConnAckMessage ack = (MqttConnAckMessage) receive();
        assertThat(ack.variableHeader().connectReturnCode())
                .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void usernameWithoutApiVersionIsRefused() {
        send(MqttMessageBuilders.connect().clientId("dev1/mod1").protocolVersion(io.netty.handler.codec.mqtt.MqttVersion.MQTT_3_1_1)
                .username("h.local/dev1/mod1/").password(password()).build());

        assertThat(((MqttConnAckMessage) receive()).variableHeader().connectReturnCode())
                .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
    }

    private MqttConnectReturnCode connect() {
        send(connectPacket(password()));
        return ((MqttConnAckMessage) receive()).variableHeader().connectReturnCode();
    }

    private MqttMessage connectPacket(byte[] password) {
        return MqttMessageBuilders.connect().clientId("dev1/mod1")
                .protocolVersion(io.netty.handler.codec.mqtt.MqttVersion.MQTT_3_1_1).cleanSession(false)
                .keepAlive(230).username("h.local/dev1/mod1/?api-version=2020-09-30&DeviceClientType=x")
                .password(password).build();
    }

    private byte[] password() {
        return SharedAccessSignature.create(identity.resource("h.local"), identity.sharedAccessKey(),
                System.currentTimeMillis() / 1000 + 3600).getBytes(StandardCharsets.UTF_8);
    }

    /** Encodes a client packet to bytes and feeds them through the server pipeline. */
    private void send(MqttMessage packet) {
        EmbeddedChannel encoder = new EmbeddedChannel(MqttEncoder.INSTANCE);
        encoder.writeOutbound(packet);
        ByteBuf bytes = encoder.readOutbound();
        encoder.finishAndReleaseAll();
        channel.writeInbound(bytes);
        channel.runPendingTasks();
    }

    /** Reads the server's next packet, decoding the bytes it wrote. */
    private MqttMessage receive() {
        ByteBuf bytes = channel.readOutbound();
        assertThat(bytes).as("a packet from the server").isNotNull();
        EmbeddedChannel decoder = new EmbeddedChannel(new MqttDecoder());
        decoder.writeInbound(bytes);
        MqttMessage packet = decoder.readInbound();
        decoder.finishAndReleaseAll();
        return packet;
    }

    @Test
    void aClientThatWentAwayIsNotAnError() {
        assertThat(MqttConnectionHandler.wentAway(new java.net.SocketException("Connection reset"))).isTrue();
        assertThat(MqttConnectionHandler.wentAway(new java.io.IOException("Broken pipe"))).isTrue();
        assertThat(MqttConnectionHandler.wentAway(new io.netty.handler.codec.DecoderException(
                new javax.net.ssl.SSLHandshakeException("PKIX path building failed")))).isFalse();
        assertThat(MqttConnectionHandler.wentAway(new IllegalStateException("bad packet"))).isFalse();
    }
}
