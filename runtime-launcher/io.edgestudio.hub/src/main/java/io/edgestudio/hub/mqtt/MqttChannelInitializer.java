package io.edgestudio.hub.mqtt;

import io.edgestudio.hub.core.EdgeHub;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Assembles the whole MQTT pipeline in one place. Order, inbound: TLS (optional) → idle detection →
 * MQTT decoder → connection handler; outbound: MQTT encoder → TLS.
 */
final class MqttChannelInitializer extends ChannelInitializer<SocketChannel> {

    static final String TLS = "tls";
    static final String FLUSH = "flush";
    static final String IDLE = "idle";
    static final String DECODER = "mqttDecoder";
    static final String ENCODER = "mqttEncoder";
    static final String CONNECTION = "connection";

    /** edgeHub's largest message (256 KB) plus room for the topic and headers. */
    static final int MAX_PACKET_BYTES = 256 * 1024 + 8 * 1024;

    private final EdgeHub hub;
    private final SslContext ssl;
    private final Duration connectTimeout;

    /**
     * @param hub the hub core
     * @param ssl TLS context, or null for a plain listener
     * @param connectTimeout how long a new connection may take to send CONNECT
     */
    MqttChannelInitializer(EdgeHub hub, SslContext ssl, Duration connectTimeout) {
        this.hub = hub;
        this.ssl = ssl;
        this.connectTimeout = connectTimeout;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (ssl != null) {
            pipeline.addLast(TLS, ssl.newHandler(channel.alloc()));
        }
        // One TLS record and one write system call per burst of packets instead of one per packet: flushes asked for
        // while a read is in progress wait for its end, others are merged on the event loop.
        pipeline.addLast(FLUSH,
                new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
        // Until CONNECT this bounds the wait for it; afterwards the connection replaces it with 1.5 × keep-alive.
        pipeline.addLast(IDLE, new IdleStateHandler(connectTimeout.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast(DECODER, new MqttDecoder(MAX_PACKET_BYTES));
        pipeline.addLast(ENCODER, MqttEncoder.INSTANCE);
        pipeline.addLast(CONNECTION, new MqttConnectionHandler(new MqttConnection(hub, channel)));
    }
}
