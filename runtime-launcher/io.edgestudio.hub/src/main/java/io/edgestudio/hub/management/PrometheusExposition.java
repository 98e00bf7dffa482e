package io.edgestudio.hub.management;

import io.edgestudio.hub.core.EdgeHub;
import io.edgestudio.hub.core.HubMetrics;
import io.edgestudio.hub.core.QueueName;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The hub's counters in the Prometheus text format (version 0.0.4) under edgeHub's metric names, so dashboards
 * built for edgeHub's {@code :9600/metrics} read them: {@code edgehub_messages_received_total{id}},
 * {@code edgehub_messages_sent_total{to,priority}}, {@code edgehub_messages_dropped_total{reason}},
 * {@code edgehub_queue_length{endpoint,priority}}, {@code edgehub_connected_clients}, plus our per-route counter.
 */
final class PrometheusExposition {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final EdgeHub hub;
    private final List<String> modules;
    private final StringBuilder out = new StringBuilder();

    PrometheusExposition(EdgeHub hub, List<String> modules) {
        this.hub = hub;
        this.modules = modules;
    }

    String render() {
        String device = hub.identities().deviceId();
        header(HubMetrics.RECEIVED, "counter", "Messages received from modules");
        hub.metrics().snapshot(HubMetrics.RECEIVED)
                .forEach((module, n) -> sample(HubMetrics.RECEIVED, n, "id", device + "/" + module));
        header(HubMetrics.SENT, "counter", "Messages delivered to an endpoint (module input or upstream)");
        hub.metrics().snapshot(HubMetrics.SENT).forEach(this::sent);
        header(HubMetrics.DROPPED, "counter", "Messages dropped, by reason");
        hub.metrics().snapshot(HubMetrics.DROPPED).forEach((reason, n) -> sample(HubMetrics.DROPPED, n, "reason", reason));
        queueLengths();
        header("edgehub_connected_clients", "gauge", "Modules connected to the hub");
        long connected = modules.stream().filter(m -> hub.findSession(m).map(s -> s.link()).isPresent()).count();
        out.append("edgehub_connected_clients ").append(connected).append('\n');
        header(HubMetrics.ROUTED, "counter", "Messages each route sent to its endpoint");
        hub.metrics().snapshot(HubMetrics.ROUTED).forEach((route, n) -> sample(HubMetrics.ROUTED, n, "route", route));
        return out.toString();
    }

    private void sent(String queueOrEndpoint, long count) {
        Optional<QueueName> queue = QueueName.parse(queueOrEndpoint);
        if (queue.isPresent()) {
            sample(HubMetrics.SENT, count, "to", queue.get().endpoint(), "priority", priority(queue.get()));
        } else {
            sample(HubMetrics.SENT, count, "to", queueOrEndpoint);
        }
    }

    private void queueLengths() {
        header("edgehub_queue_length", "gauge", "Messages waiting in each endpoint queue");
        for (String name : new TreeSet<>(hub.store().queues())) {
            Optional<QueueName> queue = QueueName.parse(name);
            if (queue.isPresent()) {
                sample("edgehub_queue_length", hub.store().size(name), "endpoint", queue.get().endpoint(),
                        "priority", priority(queue.get()));
            }
        }
    }

    private static String priority(QueueName queue) {
        return queue.priority() == QueueName.DEFAULT_PRIORITY ? "default" : Integer.toString(queue.priority());
    }

    private void header(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, long value, String... labels) {
        out.append(name).append('{');
        for (int i = 0; i < labels.length; i += 2) {
            out.append(i == 0 ? "" : ",").append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
        }
        out.append("} ").append(value).append('\n');
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
