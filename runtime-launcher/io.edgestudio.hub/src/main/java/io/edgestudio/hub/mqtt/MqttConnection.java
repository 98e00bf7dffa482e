package io.edgestudio.hub.mqtt;

import io.edgestudio.hub.core.EdgeHub;
import io.edgestudio.hub.core.ModuleLink;
import io.edgestudio.hub.core.ModuleSession;
import io.edgestudio.hub.identity.ModuleIdentity;
import io.edgestudio.hub.identity.SasAuthenticator.AuthenticationException;
import io.edgestudio.hub.message.HubMessage;
import io.edgestudio.hub.message.SystemProperty;
import io.edgestudio.hub.store.StoredMessage;
import io.edgestudio.hub.topic.ModuleTopic;
import io.edgestudio.hub.topic.PropertyBag;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import io.netty.channel.Channel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One module's MQTT connection: the edgeHub contract per packet type. All calls happen on the channel's
 * event loop. Anything outside the contract (a second CONNECT, a forbidden topic, QoS 2) closes only this
 * connection.
 */
final class MqttConnection implements ModuleLink {

    private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);
    private static final int MQTT_3_1_1 = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EdgeHub hub;
    private final Channel channel;
    private ModuleSession session;
    /** Events received in the current network read, stored together when it completes. */
    private final List<HubMessage> events = new ArrayList<>();
    /** The packet ids to acknowledge once {@link #events} are stored (QoS 1 only), in arrival order. */
    private final List<Integer> eventPacketIds = new ArrayList<>();
    /** The module's acknowledgements received in the current network read. */
    private int[] acknowledged = new int[64];
    private int acknowledgedCount;

    MqttConnection(EdgeHub hub, Channel channel) {
        this.hub = hub;
        this.channel = channel;
    }

    String name() {
        return session == null ? "(not connected)" : session.identity().id();
    }

    void handle(MqttMessage packet) {
        if (session == null && !(packet instanceof MqttConnectMessage)) {
            refuse("sent " + packet.fixedHeader().messageType() + " before CONNECT");
            return;
        }
        switch (packet.fixedHeader().messageType()) {
            case PUBLISH -> onPublish((MqttPublishMessage) packet);
            case PUBACK -> {
                if (acknowledgedCount == acknowledged.length) {
                    acknowledged = java.util.Arrays.copyOf(acknowledged, acknowledgedCount * 2);
                }
                acknowledged[acknowledgedCount++] = ((MqttMessageIdVariableHeader) packet.variableHeader()).messageId();
            }
            default -> {
                // answers to anything else follow the acknowledgements of the events before it
                storeEvents();
                handleControl(packet);
            }
        }
    }

    /**
     * The end of one network read: stores the events it carried with one store write, then acknowledges them
     * (PUBACK only once durable), and hands the module's acknowledgements to its dispatcher as one batch.
     */
    void readComplete() {
        if (session == null) {
            return;
        }
        storeEvents();
        if (acknowledgedCount > 0) {
            int count = acknowledgedCount;
            acknowledgedCount = 0;
            session.inputs().acknowledge(this, acknowledged, count);
        }
    }

    private void storeEvents() {
        if (events.isEmpty()) {
            return;
        }
        List<HubMessage> batch = new ArrayList<>(events);
        List<Integer> packetIds = new ArrayList<>(eventPacketIds);
        events.clear();
        eventPacketIds.clear();
        hub.acceptFromModule(session.identity(), batch);
        if (!packetIds.isEmpty()) {
            packetIds.forEach(id -> channel.write(Packets.pubAck(id)));
            channel.flush();
        }
    }

    private void handleControl(MqttMessage packet) {
        switch (packet.fixedHeader().messageType()) {
            case CONNECT -> onConnect((MqttConnectMessage) packet);
            case SUBSCRIBE -> onSubscribe((MqttSubscribeMessage) packet);
            case UNSUBSCRIBE -> onUnsubscribe((MqttUnsubscribeMessage) packet);
            case PINGREQ -> channel.writeAndFlush(Packets.pingResp());
            case DISCONNECT -> channel.close();
            default -> refuse("sent an unsupported " + packet.fixedHeader().messageType());
        }
    }

    private void onConnect(MqttConnectMessage connect) {
        if (session != null) {
            refuse("sent a second CONNECT");
            return;
        }
        if (connect.variableHeader().version() != MQTT_3_1_1) {
            reject(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION, "protocol version "
                    + connect.variableHeader().version());
            return;
        }
        String clientId = connect.payload().clientIdentifier();
        Optional<MqttUsername> username = MqttUsername.parse(connect.payload().userName());
        if (username.isEmpty() || !username.get().clientId().equals(clientId)) {
            reject(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
                    "client id " + clientId + " does not match username " + connect.payload().userName());
            return;
        }
        ModuleIdentity identity;
        try {
            identity = hub.authenticator().authenticate(username.get().deviceId(), username.get().moduleId(),
                    Packets.utf8(connect.payload().passwordInBytes()));
        } catch (AuthenticationException e) {
            reject(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD, clientId + ": " + e.getMessage());
            return;
        }
        boolean cleanSession = connect.variableHeader().isCleanSession();
        int keepAlive = connect.variableHeader().keepAliveTimeSeconds();
        channel.pipeline().remove(MqttChannelInitializer.IDLE);
        if (keepAlive > 0) {
            channel.pipeline().addBefore(MqttChannelInitializer.DECODER, MqttChannelInitializer.IDLE,
                    new IdleStateHandler(keepAlive * 1500L, 0, 0, TimeUnit.MILLISECONDS));
        }
        boolean present = !cleanSession && hub.findSession(identity.moduleId()).isPresent();
        channel.writeAndFlush(Packets.connAck(MqttConnectReturnCode.CONNECTION_ACCEPTED, present));
        session = hub.connect(identity, this, cleanSession);
        LOG.info("{} connected (clean session {}, keep-alive {} s)", identity.id(), cleanSession, keepAlive);
    }

    private void onPublish(MqttPublishMessage publish) {
        MqttQoS qos = publish.fixedHeader().qosLevel();
        String topic = publish.variableHeader().topicName();
        if (qos == MqttQoS.EXACTLY_ONCE) {
            refuse("published at QoS 2 to " + topic);
            return;
        }
        ModuleTopic parsed = session.topics().parsePublish(topic);
        if (parsed instanceof ModuleTopic.Forbidden forbidden) {
            refuse("may not publish to " + forbidden.topic());
            return;
        }
        byte[] body = ByteBufUtil.getBytes(publish.payload());
        if (parsed instanceof ModuleTopic.Events event) {
            // Stored durably, together with the other events of this read, before the PUBACK.
            events.add(toMessage(event.bag(), body));
            if (qos == MqttQoS.AT_LEAST_ONCE) {
                eventPacketIds.add(publish.variableHeader().packetId());
            }
            return;
        }
        storeEvents();
        if (qos == MqttQoS.AT_LEAST_ONCE) {
            channel.writeAndFlush(Packets.pubAck(publish.variableHeader().packetId()));
        }
        // Twin answers go after the PUBACK, as IoT Hub orders them: the SDK may drop an answer that
        // overtakes the acknowledgement of its request.
        switch (parsed) {
            case ModuleTopic.TwinGet get -> send("$iothub/twin/res/200/?$rid=" + get.rid(),
                    hub.twins().get(session.identity().moduleId()).toJson().toString().getBytes(StandardCharsets.UTF_8));
            case ModuleTopic.TwinReportedPatch patch -> onReportedPatch(patch.rid(), body);
            case ModuleTopic.MethodResponse response -> {
                if (!hub.methods().complete(response.rid(), response.status(), body)) {
                    LOG.debug("{} answered method call {} that nobody waits for", name(), response.rid());
                }
            }
            case ModuleTopic.Events event -> {
                // handled above
            }
            case ModuleTopic.Forbidden forbidden -> {
                // handled above
            }
        }
    }

    private void onReportedPatch(String rid, byte[] body) {
        ObjectNode patch;
        try {
            patch = JSON.readTree(body) instanceof ObjectNode object ? object : null;
        } catch (IOException e) {
            patch = null;
        }
        if (patch == null) {
            send("$iothub/twin/res/400/?$rid=" + rid, new byte[0]);
            return;
        }
        long version = hub.twins().patchReported(session.identity().moduleId(), patch);
        send("$iothub/twin/res/204/?$rid=" + rid + "&$version=" + version, new byte[0]);
    }

    private HubMessage toMessage(PropertyBag bag, byte[] body) {
        return new HubMessage(body, bag.systemProperties(), bag.properties(), hub.clock().instant());
    }

    private void onSubscribe(MqttSubscribeMessage subscribe) {
        List<Integer> codes = new ArrayList<>();
        for (MqttTopicSubscription subscription : subscribe.payload().topicSubscriptions()) {
            boolean allowed = session.subscribe(subscription.topicFilter());
            if (!allowed) {
                LOG.warn("{} may not subscribe to {}", name(), subscription.topicFilter());
            }
            codes.add(allowed ? Math.min(subscription.qualityOfService().value(), 1) : Packets.SUBSCRIPTION_REFUSED);
        }
        channel.writeAndFlush(Packets.subAck(subscribe.variableHeader().messageId(), codes));
    }

    private void onUnsubscribe(MqttUnsubscribeMessage unsubscribe) {
        unsubscribe.payload().topics().forEach(session::unsubscribe);
        channel.writeAndFlush(Packets.unsubAck(unsubscribe.variableHeader().messageId()));
    }

    private void reject(MqttConnectReturnCode code, String reason) {
        LOG.warn("Refused connection from {}: {}", channel.remoteAddress(), reason);
        channel.writeAndFlush(Packets.connAck(code, false)).addListener(f -> channel.close());
    }

    private void refuse(String reason) {
        if (session != null) {
            storeEvents(); // the valid events before the offending packet are kept and acknowledged
        }
        LOG.warn("Closing connection {}: it {}", name(), reason);
        channel.close();
    }

    void closed() {
        if (session != null) {
            hub.disconnect(session, this);
            LOG.info("{} disconnected", name());
        }
    }

    @Override
    public Executor executor() {
        return channel.eventLoop();
    }

    @Override
    public void sendInput(int packetId, String input, StoredMessage message, boolean redelivery) {
        String topic = session.topics().inputTopic(input,
                new PropertyBag(message.message().systemProperties(), message.message().properties()),
                SystemProperty.OUTPUT_NAME.propertyName());
        channel.write(Packets.publish(topic, message.message().body(), MqttQoS.AT_LEAST_ONCE, packetId,
                redelivery), channel.voidPromise());
    }

    @Override
    public void flush() {
        channel.flush();
    }

    @Override
    public void send(String topic, byte[] payload) {
        channel.writeAndFlush(Packets.publish(topic, payload, MqttQoS.AT_MOST_ONCE, 0, false));
    }

    @Override
    public void close() {
        channel.close();
    }
}
