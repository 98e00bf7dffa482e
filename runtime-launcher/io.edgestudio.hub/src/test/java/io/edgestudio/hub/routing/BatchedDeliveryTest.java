package io.edgestudio.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.hub.core.HubSettings;
import io.edgestudio.hub.store.InMemoryMessageStore;
import io.edgestudio.hub.store.MessageStore;
import io.edgestudio.hub.store.RocksDbMessageStore;
import io.edgestudio.hub.testing.Await;
import io.edgestudio.hub.testing.TestHub;
import io.edgestudio.routes.RouteDefinition;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many messages in flight at once: events arrive in bursts (stored together, acknowledged after), deliveries go
 * out from the store for a backlog and from memory for what arrives while the module is connected, and the
 * module's acknowledgements come in bursts. Every message must arrive once, in order.
 */
class BatchedDeliveryTest {

    private static final int BACKLOG = 5_000;
    /** More than the hub keeps in memory ahead of a module's window. */
    private static final int LIVE = 6_000;
    private static final String QUEUE = "modules/mod2/inputs/input1_Pri2000000000";

    @TempDir
    Path state;

    @ParameterizedTest
    @ValueSource(strings = {"rocksdb", "memory"})
    void aBacklogAndWhatArrivesDuringItsDeliveryArriveOnceInOrder(String kind) throws Exception {
        MessageStore store = kind.equals("rocksdb") ? RocksDbMessageStore.open(state.resolve("store"))
                : new InMemoryMessageStore();
        List<RouteDefinition> routes = List.of(RouteDefinition.of("toMod2",
                "FROM /messages/modules/mod1/outputs/output1 INTO BrokeredEndpoint(\"/modules/mod2/inputs/input1\")"));
        try (TestHub edge = TestHub.start(state, HubSettings.defaults(TestHub.HUB_HOST), store,
                identities -> RouteEngine.of(routes), new InetSocketAddress("127.0.0.1", 0), "mod1", "mod2")) {
            MqttAsyncClient sender = new MqttAsyncClient(edge.uri(), "dev1/mod1", new MemoryPersistence());
            MqttConnectOptions options = edge.options("mod1");
            options.setMaxInflight(500);
            sender.connect(options).waitForCompletion(10_000);
            try {
                publish(sender, 0, BACKLOG);
                assertThat(edge.hub.store().size(QUEUE)).isEqualTo(BACKLOG);

                List<Integer> received = new CopyOnWriteArrayList<>();
                CountDownLatch livePublished = new CountDownLatch(1);
                MqttClient receiver = edge.connect("mod2");
                receiver.subscribe("devices/dev1/modules/mod2/inputs/#", 1, (topic, message) -> {
                    int index = ByteBuffer.wrap(message.getPayload()).getInt();
                    if (index == BACKLOG) {
                        // a slow module: the window fills and more arrives than the hub keeps in memory for it
                        livePublished.await(60, TimeUnit.SECONDS);
                    }
                    received.add(index);
                });
                Await.until("the backlog delivered", Duration.ofSeconds(60), () -> received.size() >= BACKLOG);
                publish(sender, BACKLOG, LIVE);
                livePublished.countDown();

                Await.until("all delivered", Duration.ofSeconds(60), () -> received.size() >= BACKLOG + LIVE);
                assertThat(received).containsExactlyElementsOf(IntStream.range(0, BACKLOG + LIVE).boxed().toList());
                Await.until("all acknowledged", Duration.ofSeconds(10),
                        () -> edge.hub.findSession("mod2").orElseThrow().inputs().inflight() == 0);
                assertThat(edge.hub.store().size(QUEUE)).isZero();
            } finally {
                sender.disconnectForcibly(0, 1000);
                sender.close();
            }
        }
    }

    /** Publishes {@code count} numbered events at QoS 1 with up to 500 awaiting their PUBACK; returns when all are. */
    private static void publish(MqttAsyncClient sender, int first, int count) throws Exception {
        Semaphore window = new Semaphore(500);
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
        for (int i = first; i < first + count; i++) {
            window.acquire();
            sender.publish("devices/dev1/modules/mod1/messages/events/$.on=output1/",
                    ByteBuffer.allocate(64).putInt(i).array(), 1, false, null, release);
        }
        window.acquire(500);
    }
}
