package io.edgestudio.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbMessageStoreTest extends MessageStoreContract {

    @TempDir
    Path directory;

    @Override
    protected MessageStore createStore() {
        return RocksDbMessageStore.open(directory.resolve("db"));
    }

    @Test
    void restartResumesFromTheCheckpoints() {
        store.append(List.of(entry("a", "1", NEVER), entry("a", "2", NEVER), entry("a", "3", NEVER),
                entry("b", "1", NEVER)));
        store.checkpoint("a", 2);
        store.checkpoint("b", 1);
        store.close();

        store = createStore();

        assertThat(store.queues()).containsExactlyInAnyOrder("a", "b");
        assertThat(store.checkpoint("a")).isEqualTo(2);
        assertThat(store.size("a")).isEqualTo(1);
        assertThat(store.size("b")).isZero();
        assertThat(store.read("a", store.checkpoint("a"), 10)).extracting(StoredMessage::offset).containsExactly(3L);
        assertThat(store.append(List.of(entry("a", "4", NEVER), entry("b", "2", NEVER))))
                .extracting(StoredMessage::offset).containsExactly(4L, 2L);
    }

    @Test
    void restartKeepsSizesAfterExpiryAndNeverReusesOffsets() {
        store.append(List.of(entry("a", "1", 100), entry("a", "2", 200), entry("a", "3", NEVER),
                entry("b", "1", 300), entry("b", "2", 100)));
        assertThat(store.removeExpired(150)).isEqualTo(Map.of("a", 1, "b", 1));
        store.append(List.of(entry("c", "1", 100)));
        store.checkpoint("c", 1);
        store.close();

        store = createStore();

        assertThat(store.size("a")).isEqualTo(2);
        assertThat(store.size("b")).isEqualTo(1);
        assertThat(store.size("c")).isZero();
        assertThat(store.queues()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(store.removeExpired(250)).isEqualTo(Map.of("a", 1));
        assertThat(store.read("a", 0, 10)).extracting(StoredMessage::offset).containsExactly(3L);
        assertThat(store.read("b", 0, 10)).extracting(StoredMessage::offset).containsExactly(1L);
        assertThat(store.append(List.of(entry("a", "4", NEVER), entry("b", "3", NEVER), entry("c", "2", NEVER))))
                .extracting(StoredMessage::offset).containsExactly(4L, 3L, 2L);
    }

    @Test
    void cleanupOfAQueueInExpiryOrderStopsAtTheFirstLiveMessage() {
        store.append(List.of(entry("a", "1", 100), entry("a", "2", 200), entry("a", "3", 300)));

        assertThat(store.removeExpired(99)).isEmpty();
        assertThat(store.removeExpired(200)).isEqualTo(Map.of("a", 2));
        assertThat(store.size("a")).isEqualTo(1);
        store.append(List.of(entry("a", "4", 50)));
        assertThat(store.removeExpired(60)).isEqualTo(Map.of("a", 1));
        assertThat(store.read("a", 0, 10)).extracting(StoredMessage::offset).containsExactly(3L);
    }

    @Test
    void checkpointsAcrossWhatTheCleanupRemovedCountOnlyWhatWasLeftAndSurviveARestart() {
        store.append(List.of(entry("a", "1", NEVER), entry("a", "2", 100), entry("a", "3", NEVER),
                entry("a", "4", NEVER)));
        assertThat(store.removeExpired(100)).isEqualTo(Map.of("a", 1));

        store.checkpoint("a", 3);
        assertThat(store.size("a")).isEqualTo(1);
        store.append(List.of(entry("a", "5", NEVER)));
        store.checkpoint("a", 4);
        store.checkpoint("a", 5);
        assertThat(store.size("a")).isZero();
        store.append(List.of(entry("a", "6", NEVER), entry("a", "7", NEVER)));
        store.checkpoint("a", 6);
        assertThat(store.read("a", 0, 10)).extracting(StoredMessage::offset).containsExactly(7L);
        store.close();

        store = createStore();

        assertThat(store.checkpoint("a")).isEqualTo(6);
        assertThat(store.size("a")).isEqualTo(1);
        assertThat(store.read("a", 0, 10)).extracting(StoredMessage::offset).containsExactly(7L);
        store.checkpoint("a", 7);
        assertThat(store.size("a")).isZero();
    }
}
