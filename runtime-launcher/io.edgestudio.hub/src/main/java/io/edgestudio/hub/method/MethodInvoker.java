package io.edgestudio.hub.method;

import io.edgestudio.hub.core.ModuleLink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Invokes direct methods on connected modules over MQTT: {@code $iothub/methods/POST/<name>/?$rid=<rid>},
 * answered on {@code $iothub/methods/res/<status>/?$rid=<rid>}. Timeouts default to 30 s and must lie in 5–300 s.
 */
public final class MethodInvoker {

    /** edgeHub's default method timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MIN_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(300);

    private final Function<String, ModuleLink> methodListeners;
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<String, CompletableFuture<MethodResult>> pending = new ConcurrentHashMap<>();

    /** @param methodListeners finds the link of a module subscribed to method calls, or null */
    public MethodInvoker(Function<String, ModuleLink> methodListeners) {
        this.methodListeners = methodListeners;
    }

    /**
     * @param module the module to call
     * @param methodName the method
     * @param payloadJson the request payload as JSON text
     * @param timeout how long to wait (5–300 s)
     * @return the result; 404 if the module does not listen, 504 on timeout
     */
    public CompletableFuture<MethodResult> invoke(String module, String methodName, String payloadJson,
            Duration timeout) {
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("method timeout must be 5-300 s, not " + timeout.toSeconds() + " s");
        }
        ModuleLink link = methodListeners.apply(module);
        if (link == null) {
            return CompletableFuture.completedFuture(MethodResult.notListening());
        }
        String rid = Long.toString(requestIds.incrementAndGet());
        CompletableFuture<MethodResult> result = new CompletableFuture<>();
        pending.put(rid, result);
        link.send("$iothub/methods/POST/" + methodName + "/?$rid=" + rid, payloadJson.getBytes(StandardCharsets.UTF_8));
        return result.orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    if (e instanceof TimeoutException) {
                        return MethodResult.timedOut();
                    }
                    throw new IllegalStateException(e);
                })
                .whenComplete((r, e) -> pending.remove(rid));
    }

    /**
     * A module answered a call.
     *
     * @param rid the request id
     * @param status the status code
     * @param payload the response body
     * @return whether a caller was waiting for it
     */
    public boolean complete(String rid, int status, byte[] payload) {
        CompletableFuture<MethodResult> waiting = pending.remove(rid);
        if (waiting == null) {
            return false;
        }
        String body = payload.length == 0 ? "null" : new String(payload, StandardCharsets.UTF_8);
        return waiting.complete(new MethodResult(status, body));
    }
}
