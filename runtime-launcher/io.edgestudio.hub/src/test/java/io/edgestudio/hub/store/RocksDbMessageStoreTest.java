package io.edgestudio.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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
}
