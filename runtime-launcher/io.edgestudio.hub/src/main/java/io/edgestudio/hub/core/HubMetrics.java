package io.edgestudio.hub.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters named after edgeHub's metrics, keyed by a label value (module, endpoint or reason). */
public final class HubMetrics {

    /** {@code edgehub_messages_received_total}, by sending module. */
    public static final String RECEIVED = "edgehub_messages_received_total";
    /** {@code edgehub_messages_sent_total}, by endpoint. */
    public static final String SENT = "edgehub_messages_sent_total";
    /** {@code edgehub_messages_dropped_total}, by reason. */
    public static final String DROPPED = "edgehub_messages_dropped_total";
    /** Messages a route sent to its endpoint, by route name (ours; edgeHub has no per-route counter). */
    public static final String ROUTED = "edgestudio_route_messages_total";

    private final Map<String, Map<String, LongAdder>> counters = new ConcurrentHashMap<>();

    /**
     * @param metric a metric name
     * @param label its label value
     * @param amount how much to add
     */
    public void add(String metric, String label, long amount) {
        counters.computeIfAbsent(metric, m -> new ConcurrentHashMap<>())
                .computeIfAbsent(label, l -> new LongAdder()).add(amount);
    }

    /**
     * @param metric a metric name
     * @param label a label value
     * @return the count so far
     */
    public long get(String metric, String label) {
        LongAdder adder = counters.getOrDefault(metric, Map.of()).get(label);
        return adder == null ? 0 : adder.sum();
    }

    /**
     * @param metric a metric name
     * @return every label's count, sorted by label
     */
    public Map<String, Long> snapshot(String metric) {
        Map<String, Long> result = new TreeMap<>();
        counters.getOrDefault(metric, Map.of()).forEach((label, adder) -> result.put(label, adder.sum()));
        return result;
    }
}
