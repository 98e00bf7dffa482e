package io.edgestudio.hub.benchmark;

import io.edgestudio.hub.core.HubSettings;
import io.edgestudio.hub.routing.RouteEngine;
import io.edgestudio.hub.store.InMemoryMessageStore;
import io.edgestudio.hub.store.RocksDbMessageStore;
import io.edgestudio.hub.testing.TestHub;
import io.edgestudio.routes.RouteDefinition;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routed module → module throughput and latency next to mosquitto, in the same run with the same Paho async
 * publisher/subscriber code and window: QoS 1, 256 B payloads, TLS, the hub with its RocksDB store (a route from
 * one module's output to another's input), mosquitto (the Debian package, started here on a free loopback port
 * with the same certificate) with persistence off and, once, on. Prints a saturated run (as fast as the window
 * allows) per broker, in rounds, and a fixed-rate run per broker for the latency at a given load, and each broker's
 * CPU time per message (less sensitive to other work on the machine than the rates), its clients' and the rest of
 * this JVM's (mostly the JIT compiler). Each broker is warmed up with both kinds of run first.
 *
 * <p>Run with {@code -Dedge.benchmark=true -Dtest=RoutedThroughputBenchmark}; tunables
 * {@code -Dedge.benchmark.messages=50000}, {@code .window=1000}, {@code .rate=2000}, {@code .seconds=10},
 * {@code .rounds=3}, {@code .memory=true} (in-memory hub store), {@code .mosquitto=PATH}.
 */
@EnabledIfSystemProperty(named = "edge.benchmark", matches = "true")
class RoutedThroughputBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(RoutedThroughputBenchmark.class);
    private static final int MESSAGES = Integer.getInteger("edge.benchmark.messages", 50_000);
    private static final int WINDOW = Integer.getInteger("edge.benchmark.window", 1000);
    private static final int RATE = Integer.getInteger("edge.benchmark.rate", 2000);
    private static final int SECONDS = Integer.getInteger("edge.benchmark.seconds", 10);
    private static final int ROUNDS = Integer.getInteger("edge.benchmark.rounds", 3);
    private static final int WARM_UP = Math.max(10_000, MESSAGES / 2);
    private static final int WARM_UP_SECONDS = 3;

    @TempDir
    Path state;

    @Test
    void routedModuleToModuleNextToMosquitto() throws Exception {
        List<RouteDefinition> routes = List.of(RouteDefinition.of("r",
                "FROM /messages/modules/sender/outputs/out INTO BrokeredEndpoint(\"/modules/receiver/inputs/in\")"));
        HubSettings settings = HubSettings.defaults(TestHub.HUB_HOST).withInflight(WINDOW, Duration.ofSeconds(60));
        boolean durable = !Boolean.getBoolean("edge.benchmark.memory");
        String hubName = "hub (" + (durable ? "RocksDB" : "in-memory") + " store)";
        List<MqttLoad.Result> results = new ArrayList<>();
        try (TestHub edge = TestHub.start(state, settings,
                durable ? RocksDbMessageStore.open(state.resolve("store")) : new InMemoryMessageStore(),
                identities -> RouteEngine.of(routes), new InetSocketAddress("127.0.0.1", 0), "sender", "receiver");
                MosquittoBroker mosquitto = MosquittoBroker.start(state.resolve("mosquitto"), edge.certificates,
                        WINDOW, false);
                MosquittoBroker persistent = MosquittoBroker.start(state.resolve("mosquitto-persistent"),
                        edge.certificates, WINDOW, true);
                MqttLoad hub = MqttLoad.connect(new MqttLoad.Target(hubName, edge.uri(), edge.options("sender"),
                        "dev1/sender", edge.options("receiver"), "dev1/receiver",
                        "devices/dev1/modules/sender/messages/events/$.on=out/",
                        "devices/dev1/modules/receiver/inputs/#", RoutedThroughputBenchmark::hubCpuNanos, true),
                        WINDOW);
                MqttLoad plain = MqttLoad.connect(mosquittoTarget("mosquitto (persistence off)", mosquitto, edge),
                        WINDOW);
                MqttLoad saving = MqttLoad.connect(mosquittoTarget("mosquitto (persistence on)", persistent, edge),
                        WINDOW)) {
            LOG.info("Warming up: {} messages per broker, then {} s at {} msg/s", WARM_UP, WARM_UP_SECONDS, RATE);
            // both kinds of run, so that the JIT compiler has compiled (and recompiled) the code each takes before
            // anything is measured: otherwise it competes for the cores with the JVM-hosted broker only
            for (MqttLoad load : List.of(plain, hub, saving)) {
                load.saturate(WARM_UP);
            }
            for (MqttLoad load : List.of(plain, hub)) {
                load.fixedRate(RATE, RATE * WARM_UP_SECONDS);
            }
            // rounds with the brokers taking turns, so that a burst of other work on the machine hits each of them;
            // the first round also finishes the JIT warm-up
            MqttLoad.Result mosquittoBest = null;
            MqttLoad.Result hubBest = null;
            for (int round = 0; round < ROUNDS; round++) {
                MqttLoad.Result mosquittoSaturated = report(results, plain.saturate(MESSAGES));
                MqttLoad.Result hubSaturated = report(results, hub.saturate(MESSAGES));
                report(results, saving.saturate(MESSAGES));
                mosquittoBest = faster(mosquittoBest, mosquittoSaturated);
                hubBest = faster(hubBest, hubSaturated);
            }
            report(results, plain.fixedRate(RATE, RATE * SECONDS));
            report(results, hub.fixedRate(RATE, RATE * SECONDS));
            StringBuilder table = new StringBuilder(String.format(
                    "%nRouted module -> module, QoS 1, 256 B, TLS, Paho async clients, window %d, %d cores:%n",
                    WINDOW, Runtime.getRuntime().availableProcessors()));
            results.forEach(result -> table.append(result).append(System.lineSeparator()));
            table.append(String.format(
                    "hub / mosquitto (persistence off) throughput, best of %d rounds each: %.0f / %.0f = %.2fx; "
                            + "load average %.2f",
                    ROUNDS, hubBest.perSecond(), mosquittoBest.perSecond(),
                    hubBest.perSecond() / mosquittoBest.perSecond(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            LOG.info("{}", table);
        }
    }

    /** Prints a run as soon as it is done (with the load average then), and keeps it for the table. */
    private static MqttLoad.Result report(List<MqttLoad.Result> results, MqttLoad.Result result) {
        LOG.info("{}  load average {}", result,
                String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        results.add(result);
        return result;
    }

    private static MqttLoad.Result faster(MqttLoad.Result best, MqttLoad.Result result) {
        return best == null || result.perSecond() > best.perSecond() ? result : best;
    }

    /** The same CONNECT as the hub gets (mosquitto allows any credentials), trusting the same CA. */
    private static MqttLoad.Target mosquittoTarget(String name, MosquittoBroker broker, TestHub edge) throws Exception {
        MqttConnectOptions sender = edge.options("sender");
        MqttConnectOptions receiver = edge.options("receiver");
        return new MqttLoad.Target(name, broker.uri(), sender, "dev1/sender", receiver, "dev1/receiver",
                "devices/dev1/modules/receiver/inputs/in", "devices/dev1/modules/receiver/inputs/#", broker::cpuNanos,
                false);
    }

    /** The CPU time of the hub's threads in this JVM: its Netty event loops and its own threads (RocksDB's native threads not counted). */
    private static long hubCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && (thread.getThreadName().startsWith("multiThreadIoEventLoopGroup")
                    || thread.getThreadName().startsWith("edgehub"))) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return total;
    }
}
