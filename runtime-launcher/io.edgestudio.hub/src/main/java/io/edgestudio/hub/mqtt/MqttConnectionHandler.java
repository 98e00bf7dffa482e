package io.edgestudio.hub.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The thin Netty end of one connection: hands packets to its {@link MqttConnection}, releases buffers. */
final class MqttConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(MqttConnectionHandler.class);

    private final MqttConnection connection;

    MqttConnectionHandler(MqttConnection connection) {
        this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof MqttMessage packet) {
                if (packet.decoderResult().isFailure()) {
                    LOG.warn("Malformed MQTT packet from {}: {}", ctx.channel().remoteAddress(),
                            packet.decoderResult().cause().getMessage());
                    connection.readComplete(); // what came before it is stored and acknowledged
                    ctx.close();
                } else {
                    connection.handle(packet);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        connection.readComplete();
        super.channelReadComplete(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            LOG.info("Closing idle connection {} ({})", connection.name(), ctx.channel().remoteAddress());
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        connection.closed();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (wentAway(cause)) {
            // a module process ended without DISCONNECT (killed, terminated from the IDE): an ordinary end here
            LOG.debug("Connection {} closed by the client: {}", connection.name(), cause.toString());
        } else {
            LOG.warn("Closing connection {} after an error: {}", connection.name(), cause.toString());
        }
        ctx.close();
    }

    /** Whether the peer reset or abandoned the connection (as opposed to a protocol or TLS error). */
    static boolean wentAway(Throwable cause) {
        return cause instanceof java.net.SocketException
                || cause instanceof java.io.IOException && cause.getMessage() != null
                        && (cause.getMessage().contains("Connection reset")
                                || cause.getMessage().contains("Broken pipe"));
    }
}
