package io.edgestudio.hub.management;

import io.edgestudio.hub.core.UpstreamEndpoint;
import io.edgestudio.hub.store.StoredMessage;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thin Netty adapter: turns each aggregated HTTP request into an {@link ApiRequest} for {@link ManagementApi}
 * and writes its answer (possibly later, for method calls). {@code GET /api/v1/upstream/stream} instead keeps
 * the response open and sends every upstream message as a server-sent event.
 */
final class ManagementHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementHandler.class);

    private final ManagementApi api;
    private final UpstreamEndpoint upstream;

    ManagementHandler(ManagementApi api, UpstreamEndpoint upstream) {
        this.api = api;
        this.upstream = upstream;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
        if (!http.decoderResult().isSuccess()) {
            HttpAnswers.write(ctx, ApiResponse.error(400, "malformed HTTP request"), false);
            return;
        }
        // The body is copied: the request is released when this method returns, the answer may come later.
        ApiRequest request = ApiRequest.of(http.method().name(), http.uri(), ByteBufUtil.getBytes(http.content()));
        boolean keepAlive = HttpUtil.isKeepAlive(http);
        if (http.method().equals(HttpMethod.GET) && request.pathMatches("api", "v1", "upstream", "stream")) {
            stream(ctx);
            return;
        }
        api.handle(request).whenComplete((response, error) -> {
            if (error != null) {
                LOG.warn("Management request {} {} failed", request.method(), http.uri(), error);
                HttpAnswers.write(ctx, ApiResponse.error(500, "internal error: " + error.getMessage()), false);
            } else {
                HttpAnswers.write(ctx, response, keepAlive);
            }
        });
    }

    private void stream(ChannelHandlerContext ctx) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        HttpUtil.setTransferEncodingChunked(response, true);
        ctx.write(response);
        Consumer<StoredMessage> listener = message -> {
            if (ctx.channel().isWritable()) {
                event(ctx, "event: message\ndata: " + UpstreamFeed.toJson(message) + "\n\n");
            } else {
                LOG.debug("Upstream stream client {} is slow; skipped a message", ctx.channel().remoteAddress());
            }
        };
        upstream.addListener(listener);
        ctx.channel().closeFuture().addListener(f -> upstream.removeListener(listener));
        // Then a comment: once the client reads it, the subscription is in place (events queue behind it).
        event(ctx, ": subscribed to upstream\n\n");
    }

    private static void event(ChannelHandlerContext ctx, String text) {
        ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Management connection {} failed", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }
}
