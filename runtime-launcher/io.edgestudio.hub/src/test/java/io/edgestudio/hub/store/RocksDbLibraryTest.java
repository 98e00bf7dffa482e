package io.edgestudio.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbLibraryTest {

    @TempDir
    Path cache;

    @Test
    void theLibraryIsWrittenOnceIntoTheCacheAndReused() throws Exception {
        Path directory = RocksDbLibrary.extracted(cache).orElseThrow();
        List<Path> files = files(directory);
        assertThat(files).hasSize(1);
        assertThat(Files.size(files.getFirst())).isGreaterThan(1_000_000);
        FileTime written = Files.getLastModifiedTime(files.getFirst());
        assertThat(directory.getFileName().toString()).startsWith("rocksdbjni-");

        assertThat(RocksDbLibrary.extracted(cache)).contains(directory);
        assertThat(files(directory)).isEqualTo(files);
        assertThat(Files.getLastModifiedTime(files.getFirst())).isEqualTo(written);
    }

    @Test
    void aStoreOpensAfterLoadingFromTheCache(@TempDir Path db) {
        RocksDbLibrary.load(cache);
        try (RocksDbMessageStore store = RocksDbMessageStore.open(db)) {
            assertThat(store).isNotNull();
        }
    }

    private static List<Path> files(Path directory) throws Exception {
        try (Stream<Path> list = Files.list(directory)) {
            return list.sorted().toList();
        }
    }
}
