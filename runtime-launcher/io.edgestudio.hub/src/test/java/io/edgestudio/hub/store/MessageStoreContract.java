package io.edgestudio.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.hub.message.HubMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link MessageStore} has; run once per implementation. */
abstract class MessageStoreContract {

    static final long NEVER = Long.MAX_VALUE;

    protected MessageStore store;

    protected abstract MessageStore createStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = createStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void appendAssignsIncreasingOffsetsPerQueue() {
        List<StoredMessage> stored = store.append(List.of(entry("a", "1", NEVER), entry("b", "1", NEVER),
                entry("a", "2", NEVER)));

        assertThat(stored).extracting(StoredMessage::queue, StoredMessage::offset)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1L), org.assertj.core.groups.Tuple.tuple("b", 1L),
                        org.assertj.core.groups.Tuple.tuple("a", 2L));
        assertThat(store.append(List.of(entry("a", "3", NEVER))).get(0).offset()).isEqualTo(3);
        assertThat(store.queues()).containsExactlyInAnyOrder("a", "b");
        assertThat(store.size("a")).isEqualTo(3);
        assertThat(store.size("nothing")).isZero();
    }

    @Test
    void readReturnsMessagesAfterAnOffsetWithEverything() {
        HubMessage message = new HubMessage("body".getBytes(StandardCharsets.UTF_8),
                Map.of("messageId", "m-1", "contentType", "application/json"), Map.of("sp ace", "a/b&c=d"),
                Instant.ofEpochMilli(1_700_000_000_123L));
        store.append(List.of(entry("a", "1", NEVER), new QueueEntry("a", message, 42), entry("a", "3", NEVER)));

        List<StoredMessage> read = store.read("a", 1, 1);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).offset()).isEqualTo(2);
        assertThat(read.get(0).expiresAtMillis()).isEqualTo(42);
        assertThat(read.get(0).message().body()).isEqualTo(message.body());
        assertThat(read.get(0).message().systemProperties()).isEqualTo(message.systemProperties());
        assertThat(read.get(0).message().properties()).isEqualTo(message.properties());
        assertThat(read.get(0).message().enqueuedTime()).isEqualTo(message.enqueuedTime());
        assertThat(store.read("a", 0, 10)).extracting(StoredMessage::offset).containsExactly(1L, 2L, 3L);
        assertThat(store.read("other", 0, 10)).isEmpty();
    }

    @Test
    void checkpointRemovesDeliveredMessagesAndOnlyMovesForward() {
        store.append(List.of(entry("a", "1", NEVER), entry("a", "2", NEVER), entry("a", "3", NEVER)));

        store.checkpoint("a", 2);
        store.checkpoint("a", 1);

        assertThat(store.checkpoint("a")).isEqualTo(2);
        assertThat(store.read("a", 0, 10)).extracting(StoredMessage::offset).containsExactly(3L);
        assertThat(store.size("a")).isEqualTo(1);
        assertThat(store.append(List.of(entry("a", "4", NEVER))).get(0).offset()).isEqualTo(4);
        assertThat(store.checkpoint("b")).isZero();
    }

    @Test
    void cleanupRemovesExpiredMessagesAnywhereInTheQueue() {
        store.append(List.of(entry("a", "1", 1000), entry("a", "2", NEVER), entry("a", "3", 500),
                entry("b", "1", 2000)));

        assertThat(store.removeExpired(1000)).isEqualTo(Map.of("a", 2));
        assertThat(store.read("a", 0, 10)).extracting(StoredMessage::offset).containsExactly(2L);
        assertThat(store.size("a")).isEqualTo(1);
        assertThat(store.size("b")).isEqualTo(1);
        assertThat(store.removeExpired(1000)).isEmpty();
    }

    static QueueEntry entry(String queue, String body, long expiresAt) {
        return new QueueEntry(queue, new HubMessage(body.getBytes(StandardCharsets.UTF_8), Map.of(), Map.of(),
                Instant.now()), expiresAt);
    }
}
