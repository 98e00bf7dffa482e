package io.edgestudio.hub.management;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A small HTTP/1.1 listener on one event loop thread: optional TLS, the HTTP codec, an aggregator (bodies up to a
 * limit; larger ones get 413), then one handler per connection, which answers through {@link HttpAnswers}. The
 * workload API and the module → module methods listener are both one of these.
 */
public final class HttpListener implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private Channel channel;

    private HttpListener() {
    }

    /**
     * @param address where to listen (port 0 picks a free one)
     * @param ssl the server TLS context, or null for plain HTTP
     * @param maxBody the largest request body accepted
     * @param handler makes the handler of each connection
     * @return the listening listener
     * @throws IOException if the address cannot be bound (in use, or a privileged port without the right)
     * @throws InterruptedException if interrupted while binding
     */
    public static HttpListener start(InetSocketAddress address, SslContext ssl, int maxBody,
            Supplier<ChannelHandler> handler) throws IOException, InterruptedException {
        HttpListener listener = new HttpListener();
        ChannelFuture bound = new ServerBootstrap().group(listener.group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast("http", new HttpServerCodec())
                                .addLast("aggregator", new HttpObjectAggregator(maxBody))
                                .addLast("api", handler.get());
                    }
                })
                .bind(address).await();
        if (!bound.isSuccess()) {
            listener.close();
            if (bound.cause() instanceof IOException e) {
                throw e;
            }
            throw new IllegalStateException("cannot listen on " + address, bound.cause());
        }
        listener.channel = bound.channel();
        return listener;
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
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
