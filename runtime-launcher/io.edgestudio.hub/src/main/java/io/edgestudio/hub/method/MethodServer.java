package io.edgestudio.hub.method;

import io.edgestudio.hub.management.ApiRequest;
import io.edgestudio.hub.management.ApiResponse;
import io.edgestudio.hub.management.HttpAnswers;
import io.edgestudio.hub.management.HttpListener;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS listener modules call for module → module direct methods ({@code ModuleClient.invokeMethod}): the
 * Azure IoT SDK sends them to {@code https://<GatewayHostName>:443}, trusting the same CA as for MQTT, so it
 * listens on the MQTT listener's address with the hub's server certificate. The pipeline: TLS, HTTP codec,
 * aggregator (bodies up to {@link #MAX_BODY} bytes; larger ones get 413), then {@link ModuleMethodApi}.
 */
public final class MethodServer implements AutoCloseable {

    /** The largest request: an 8 KB payload (edgeHub's limit) as JSON, with room to spare. */
    public static final int MAX_BODY = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(MethodServer.class);
    private static final int PRIVILEGED_PORTS = 1024;

    private final HttpListener listener;

    private MethodServer(HttpListener listener) {
        this.listener = listener;
    }

    /**
     * @param api the endpoint
     * @param address where to listen (port 0 picks a free one)
     * @param ssl the hub's server TLS context
     * @return the listening server
     * @throws IOException if the address cannot be bound (in use, or a privileged port without the right)
     * @throws InterruptedException if interrupted while binding
     */
    public static MethodServer start(ModuleMethodApi api, InetSocketAddress address, SslContext ssl)
            throws IOException, InterruptedException {
        MethodServer server = new MethodServer(HttpListener.start(address, ssl, MAX_BODY, () -> new Handler(api)));
        LOG.info("Module-to-module direct methods (HTTPS) listening on {}", server.address());
        return server;
    }

    /**
     * Starts the listener, or explains in one warning line why module → module methods are unavailable and
     * returns nothing: the hub serves everything else without it.
     *
     * @param api the endpoint
     * @param address where to listen
     * @param ssl the hub's server TLS context
     * @return the listening server, or empty if the address could not be bound
     * @throws InterruptedException if interrupted while binding
     */
    public static Optional<MethodServer> startOrWarn(ModuleMethodApi api, InetSocketAddress address, SslContext ssl)
            throws InterruptedException {
        try {
            return Optional.of(start(api, address, ssl));
        } catch (IOException e) {
            LOG.warn(unavailable(address, e));
            return Optional.empty();
        }
    }

    /** @return the one-line explanation of why methods are unavailable, with what to do about it */
    static String unavailable(InetSocketAddress address, IOException e) {
        String where = address.getHostString() + ":" + address.getPort();
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        String remedy;
        if (address.getPort() < PRIVILEGED_PORTS && e instanceof BindException && !reason.contains("in use")) {
            remedy = "the Azure IoT SDK always calls port 443: run the hub as root, or allow unprivileged ports with"
                    + " 'sysctl net.ipv4.ip_unprivileged_port_start=443'";
        } else {
            remedy = "another process listens there: stop it, or run this edge on its own address (--bind 127.0.0.x)";
        }
        return "Module-to-module direct methods are unavailable: cannot listen on " + where + " (" + reason + "); "
                + remedy + ". Everything else works.";
    }

    /** @return the bound address */
    public InetSocketAddress address() {
        return listener.address();
    }

    @Override
    public void close() {
        listener.close();
    }

    /** Turns each aggregated request into an {@link ApiRequest} with the caller's headers and writes the answer. */
    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final ModuleMethodApi api;

        Handler(ModuleMethodApi api) {
            this.api = api;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
            boolean keepAlive = HttpUtil.isKeepAlive(http);
            if (!http.decoderResult().isSuccess()) {
                HttpAnswers.write(ctx, ApiResponse.error(400, "malformed HTTP request"), false);
                return;
            }
            ApiRequest request;
            try {
                request = ApiRequest.of(http.method().name(), http.uri(), ByteBufUtil.getBytes(http.content()));
            } catch (IllegalArgumentException e) {
                HttpAnswers.write(ctx, ApiResponse.error(400, "malformed request target: " + e.getMessage()), false);
                return;
            }
            api.handle(request, http.headers().get(HttpHeaderNames.AUTHORIZATION),
                    http.headers().get(ModuleMethodApi.MODULE_ID_HEADER)).whenComplete((answer, error) -> {
                        if (error != null) {
                            LOG.warn("Method call {} failed", http.uri(), error);
                            HttpAnswers.write(ctx, ApiResponse.error(500, "internal error: " + error.getMessage()), false);
                        } else {
                            HttpAnswers.write(ctx, answer, keepAlive);
                        }
                    });
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("Method connection {} failed", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }
}
