package io.edgestudio.hub.management;

import io.edgestudio.hub.core.UpstreamEndpoint;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management HTTP listener (plain HTTP/1.1 on a configurable address, loopback by default). The pipeline
 * is: HTTP codec, then an aggregator (bodies up to {@link #MAX_BODY} bytes; larger ones get 413), then the
 * handler that calls {@link ManagementApi}.
 */
public final class ManagementServer implements AutoCloseable {

    /** The largest request body: a 256 KB message (edgeHub's limit) as JSON text, with room to spare. */
    public static final int MAX_BODY = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private Channel channel;

    private ManagementServer() {
    }

    /**
     * @param api the endpoints
     * @param upstream the upstream endpoint, for the event stream
     * @param address where to listen (port 0 picks a free one)
     * @return the listening server
     * @throws InterruptedException if interrupted while binding
     */
    public static ManagementServer start(ManagementApi api, UpstreamEndpoint upstream, InetSocketAddress address)
            throws InterruptedException {
        ManagementServer server = new ManagementServer();
        try {
            server.channel = new ServerBootstrap().group(server.boss, server.workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast("http", new HttpServerCodec())
                                    .addLast("aggregator", new HttpObjectAggregator(MAX_BODY))
                                    .addLast("api", new ManagementHandler(api, upstream));
                        }
                    })
                    .bind(address).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        LOG.info("Management API listening on {}", server.baseUri());
        return server;
    }

    /** @return the bound address */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** @return the base URI, e.g. {@code http://127.0.0.1:53000} */
    public String baseUri() {
        return "http://" + address().getHostString() + ":" + address().getPort();
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
