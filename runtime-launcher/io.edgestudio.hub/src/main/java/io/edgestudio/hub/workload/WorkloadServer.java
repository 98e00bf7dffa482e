package io.edgestudio.hub.workload;

import io.edgestudio.hub.management.ApiRequest;
import io.edgestudio.hub.management.ApiResponse;
import io.edgestudio.hub.management.HttpAnswers;
import io.edgestudio.hub.management.HttpListener;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
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

    private final WorkloadApi api;
    private final HttpListener listener;

    private WorkloadServer(WorkloadApi api, HttpListener listener) {
        this.api = api;
        this.listener = listener;
    }

    /**
     * @param api the endpoints
     * @param address where to listen (port 0 picks a free one)
     * @return the listening server
     * @throws IOException if the address cannot be bound
     * @throws InterruptedException if interrupted while binding
     */
    public static WorkloadServer start(WorkloadApi api, InetSocketAddress address)
            throws IOException, InterruptedException {
        WorkloadServer server = new WorkloadServer(api,
                HttpListener.start(address, null, MAX_BODY, () -> new Handler(api)));
        LOG.info("Workload API listening on {}", server.uri());
        return server;
    }

    /** @return the endpoints */
    public WorkloadApi api() {
        return api;
    }

    /** @return the bound address */
    public InetSocketAddress address() {
        return listener.address();
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
        listener.close();
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
