package io.edgestudio.hub.mqtt;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds the MQTT 3.1.1 packets the hub sends. */
final class Packets {

    /** SUBACK return code for a refused subscription. */
    static final int SUBSCRIPTION_REFUSED = 0x80;

    private Packets() {
    }

    static MqttConnAckMessage connAck(MqttConnectReturnCode code, boolean sessionPresent) {
        return MqttMessageBuilders.connAck().returnCode(code).sessionPresent(sessionPresent).build();
    }

    static MqttMessage pubAck(int packetId) {
        return MqttMessageBuilders.pubAck().packetId(packetId).build();
    }

    static MqttSubAckMessage subAck(int packetId, List<Integer> codes) {
        return new MqttSubAckMessage(new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                MqttMessageIdVariableHeader.from(packetId), new MqttSubAckPayload(codes));
    }

    static MqttUnsubAckMessage unsubAck(int packetId) {
        return new MqttUnsubAckMessage(new MqttFixedHeader(MqttMessageType.UNSUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                MqttMessageIdVariableHeader.from(packetId));
    }

    static MqttMessage pingResp() {
        return new MqttMessage(new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0));
    }

    static MqttPublishMessage publish(String topic, byte[] payload, MqttQoS qos, int packetId, boolean dup) {
        return new MqttPublishMessage(new MqttFixedHeader(MqttMessageType.PUBLISH, dup, qos, false, 0),
                new MqttPublishVariableHeader(topic, qos == MqttQoS.AT_MOST_ONCE ? -1 : packetId),
                Unpooled.wrappedBuffer(payload));
    }

    static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
