package io.edgestudio.hub.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.hub.message.HubMessage;
import io.edgestudio.hub.store.QueueEntry;
import io.edgestudio.hub.store.RocksDbMessageStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long the durable store takes to come back after a restart with a large backlog (an edge that was offline
 * for a long time): 1,000,000 × 256 B messages over four upstream priority queues and one module input, a tenth
 * of them already checkpointed. Prints the time to reopen and to read the first batch, and the maintenance
 * (TTL expiry) passes over the backlog: the first one after a restart, and the ones after it.
 * Run with {@code -Dedge.benchmark=true -Dtest=StoreRestartBenchmark}; {@code -Dedge.benchmark.messages=N}.
 */
@EnabledIfSystemProperty(named = "edge.benchmark", matches = "true")
class StoreRestartBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRestartBenchmark.class);
    private static final int MESSAGES = Integer.getInteger("edge.benchmark.messages", 1_000_000);
    private static final List<String> QUEUES = List.of("$upstream_Pri0", "$upstream_Pri1", "$upstream_Pri5",
            "$upstream_Pri2000000000", "modules/filter/inputs/input1_Pri2000000000");

    @TempDir
    Path state;

    @Test
    void reopenWithAMillionStoredMessages() {
        Path directory = state.resolve("store");
        byte[] body = new byte[256];
        HubMessage message = new HubMessage(body, Map.of("$.mid", "m", "$.cdid", "dev1", "$.cmid", "sensor"),
                Map.of("unit", "C"), Instant.now());
        long fill = System.nanoTime();
        try (RocksDbMessageStore store = RocksDbMessageStore.open(directory)) {
            for (int i = 0; i < MESSAGES; i += 100) {
                List<QueueEntry> batch = new ArrayList<>(100);
                for (int j = i; j < Math.min(MESSAGES, i + 100); j++) {
                    batch.add(new QueueEntry(QUEUES.get(j % QUEUES.size()), message, Long.MAX_VALUE));
                }
                store.append(batch);
            }
            for (String queue : QUEUES) {
                store.checkpoint(queue, MESSAGES / QUEUES.size() / 10);
            }
        }
        LOG.info("Stored {} messages in {} ms", MESSAGES, (System.nanoTime() - fill) / 1_000_000);

        long reopen = System.nanoTime();
        try (RocksDbMessageStore store = RocksDbMessageStore.open(directory)) {
            long opened = System.nanoTime();
            String first = QUEUES.get(0);
            assertThat(store.read(first, store.checkpoint(first), 64)).hasSize(64);
            long firstRead = System.nanoTime();
            long total = QUEUES.stream().mapToLong(store::size).sum();
            assertThat(total).isEqualTo(MESSAGES - MESSAGES / 10);
            long expiry = System.nanoTime();
            assertThat(store.removeExpired(System.currentTimeMillis())).isEmpty();
            long expired = System.nanoTime();
            assertThat(store.removeExpired(System.currentTimeMillis())).isEmpty();
            long again = System.nanoTime();
            LOG.info("Reopened with {} messages stored: open {} ms, first batch read {} ms, first expiry pass {} ms, "
                    + "next ones {} ms", total, (opened - reopen) / 1_000_000, (firstRead - opened) / 1_000_000,
                    (expired - expiry) / 1_000_000, (again - expired) / 1_000_000);
        }
    }
}
