package io.edgestudio.hub.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.hub.core.HubSettings;
import io.edgestudio.hub.routing.RouteEngine;
import io.edgestudio.hub.store.InMemoryMessageStore;
import io.edgestudio.hub.store.RocksDbMessageStore;
import io.edgestudio.hub.testing.TestHub;
import io.edgestudio.routes.RouteDefinition;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routed module → module throughput and latency: QoS 1, 256 B, TLS, RocksDB store, Paho async clients.
 * Run with {@code -Dedge.benchmark=true -Dtest=RoutedThroughputBenchmark}; prints its numbers.
 */
@EnabledIfSystemProperty(named = "edge.benchmark", matches = "true")
class RoutedThroughputBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(RoutedThroughputBenchmark.class);
    private static final int MESSAGES = Integer.getInteger("edge.benchmark.messages", 50_000);
    private static final int WINDOW = 1000;

    @TempDir
    Path state;

    @Test
    void routedModuleToModule() throws Exception {
        List<RouteDefinition> routes = List.of(RouteDefinition.of("r",
                "FROM /messages/modules/sender/outputs/out INTO BrokeredEndpoint(\"/modules/receiver/inputs/in\")"));
        HubSettings settings = HubSettings.defaults(TestHub.HUB_HOST).withInflight(WINDOW, Duration.ofSeconds(60));
        boolean durable = !Boolean.getBoolean("edge.benchmark.memory");
        try (TestHub edge = TestHub.start(state, settings,
                durable ? RocksDbMessageStore.open(state.resolve("store")) : new InMemoryMessageStore(),
                identities -> RouteEngine.of(routes), new InetSocketAddress("127.0.0.1", 0), "sender", "receiver")) {
            long[] latencies = new long[MESSAGES];
            AtomicInteger received = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(1);
            MqttAsyncClient receiver = client(edge, "receiver");
            receiver.subscribe("devices/dev1/modules/receiver/inputs/#", 1, (topic, message) -> {
                ByteBuffer payload = ByteBuffer.wrap(message.getPayload());
                int index = payload.getInt();
                latencies[index] = System.nanoTime() - payload.getLong();
                if (received.incrementAndGet() == MESSAGES) {
                    done.countDown();
                }
            }).waitForCompletion();
            MqttAsyncClient sender = client(edge, "sender");
            Semaphore window = new Semaphore(WINDOW);
            IMqttActionListener release = new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    window.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    window.release();
                }
            };
            long start = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                window.acquire();
                byte[] payload = ByteBuffer.allocate(256).putInt(i).putLong(System.nanoTime()).array();
                sender.publish("devices/dev1/modules/sender/messages/events/$.on=out/", payload, 1, false, null, release);
            }
            assertThat(done.await(2, TimeUnit.MINUTES)).as("received %d of %d", received.get(), MESSAGES).isTrue();
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            LOG.info("Routed {} x 256 B QoS 1 over TLS, {} store: {} msg/s, p50 {} ms, p99 {} ms", MESSAGES,
                    durable ? "RocksDB" : "in-memory",
                    Math.round(MESSAGES / seconds), latencies[MESSAGES / 2] / 1e6, latencies[MESSAGES * 99 / 100] / 1e6);
            sender.disconnectForcibly(0, 1000);
            receiver.disconnectForcibly(0, 1000);
        }
    }

    private static MqttAsyncClient client(TestHub edge, String module) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(edge.uri(), "dev1/" + module, new MemoryPersistence());
        MqttConnectOptions options = edge.options(module);
        options.setMaxInflight(WINDOW);
        client.connect(options).waitForCompletion(10_000);
        return client;
    }
}
