package io.edgestudio.hub.mqtt;

import io.edgestudio.hub.core.EdgeHub;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT 3.1.1 listener of the hub: TLS (the SDK's 8883) or plain, on a configurable bind address so
 * several local edges can run side by side on 127.0.0.x. All its connections live on one event loop thread.
 */
public final class MqttServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttServer.class);
    /** How long a new connection may take to send CONNECT, by default. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    /**
     * One event loop serves every connection of the listener, as mosquitto's one thread does: a message routed from
     * one module to another is then stored, acknowledged and delivered on the same thread, without a hand-off (a
     * wake-up system call and a context switch per message), and the store's writes are one at a time anyway.
     */
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private Channel channel;

    private MqttServer() {
    }

    /**
     * @param hub the hub core
     * @param address where to listen (port 0 picks a free one)
     * @param ssl the TLS context, or null for plain MQTT
     * @param connectTimeout how long a client may take to send CONNECT
     * @return the listening server
     * @throws InterruptedException if interrupted while binding
     */
    public static MqttServer start(EdgeHub hub, InetSocketAddress address, SslContext ssl, Duration connectTimeout)
            throws InterruptedException {
        MqttServer server = new MqttServer();
        try {
            server.channel = new ServerBootstrap().group(server.boss, server.workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 128)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new MqttChannelInitializer(hub, ssl, connectTimeout))
                    .bind(address).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        LOG.info("MQTT{} listening on {}", ssl == null ? "" : " over TLS", server.channel.localAddress());
        return server;
    }

    /** @return the bound address */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
