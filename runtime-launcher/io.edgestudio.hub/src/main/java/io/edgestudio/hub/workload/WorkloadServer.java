package io.edgestudio.hub.workload;

import io.edgestudio.hub.management.ApiRequest;
import io.edgestudio.hub.management.ApiResponse;
import io.edgestudio.hub.management.HttpAnswers;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workload HTTP listener: HTTP/1.1 on a loopback address, requests of at most {@link #MAX_BODY} bytes,
 * answered by {@link WorkloadApi}. Its base URI is what modules get as {@code IOTEDGE_WORKLOADURI}.
 */
public final class WorkloadServer implements AutoCloseable {

    /** The largest request: a sign request is a few hundred bytes. */
    public static final int MAX_BODY = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(WorkloadServer.class);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final WorkloadApi api;
    private Channel channel;

    private WorkloadServer(WorkloadApi api) {
        this.api = api;
    }

    /**
     * @param api the endpoints
     * @param address where to listen (port 0 picks a free one)
     * @return the listening server
     * @throws InterruptedException if interrupted while binding
     */
    public static WorkloadServer start(WorkloadApi api, InetSocketAddress address) throws InterruptedException {
        WorkloadServer server = new WorkloadServer(api);
        try {
            server.channel = new ServerBootstrap().group(server.group).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast("http", new HttpServerCodec())
                                    .addLast("aggregator", new HttpObjectAggregator(MAX_BODY))
                                    .addLast("workload", new Handler(api));
                        }
                    })
                    .bind(address).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        LOG.info("Workload API listening on {}", server.uri());
        return server;
    }

    /** @return the endpoints */
    public WorkloadApi api() {
        return api;
    }

    /** @return the bound address */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /**
     * @return the URI modules get as {@code IOTEDGE_WORKLOADURI}, e.g. {@code http://localhost:15581/}: on
     *         127.0.0.1 it names {@code localhost}, the only host the Java SDK sends plain HTTP to
     */
    public String uri() {
        String host = address().getAddress().getHostAddress().equals("127.0.0.1") ? "localhost"
                : address().getHostString();
        return "http://" + host + ":" + address().getPort() + "/";
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Turns each aggregated request into an {@link ApiRequest} and writes the answer. */
    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final WorkloadApi api;

        Handler(WorkloadApi api) {
            this.api = api;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
            ApiResponse answer;
            boolean keepAlive = HttpUtil.isKeepAlive(http);
            if (!http.decoderResult().isSuccess()) {
                answer = WorkloadApi.error(400, "malformed HTTP request");
                keepAlive = false;
            } else {
                answer = api.handle(ApiRequest.of(http.method().name(), http.uri(), ByteBufUtil.getBytes(http.content())));
            }
            LOG.debug("Workload {} {} -> {}", http.method(), http.uri(), answer.status());
            HttpAnswers.write(ctx, answer, keepAlive);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("Workload connection {} failed", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }
}
