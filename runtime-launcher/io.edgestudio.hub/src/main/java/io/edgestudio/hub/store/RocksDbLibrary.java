package io.edgestudio.hub.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads RocksDB's native library once per JVM. RocksDB on its own writes the library (about 17 MB) out of its jar
 * into a new temporary file on every start; here it is written once into a cache directory, named after the jar it
 * came from, and loaded from there on later starts. When that cannot be done, RocksDB loads it its own way.
 */
public final class RocksDbLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(RocksDbLibrary.class);
    private static volatile boolean loaded;

    private RocksDbLibrary() {
    }

    /**
     * Loads the library from (or first into) {@link #defaultCache()}; does nothing when it is loaded.
     */
    public static void load() {
        load(defaultCache().orElse(null));
    }

    /**
     * Loads the library from (or first into) a cache directory; does nothing when it is loaded.
     *
     * @param cache the directory holding extracted libraries; null to let RocksDB extract a temporary copy
     */
    public static synchronized void load(Path cache) {
        if (loaded) {
            return;
        }
        Optional<Path> directory = cache == null ? Optional.empty() : extracted(cache);
        if (directory.isPresent()) {
            try {
                RocksDB.loadLibrary(List.of(directory.get().toString()));
                loaded = true;
                return;
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                LOG.debug("Cannot load RocksDB from {}; loading it from its jar", directory.get(), e);
            }
        }
        RocksDB.loadLibrary();
        loaded = true;
    }

    /** @return {@code $XDG_CACHE_HOME/edgestudio/native}, else {@code ~/.cache/edgestudio/native} */
    public static Optional<Path> defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        if (xdg != null && !xdg.isBlank()) {
            return Optional.of(Path.of(xdg, "edgestudio", "native"));
        }
        return home == null || home.isBlank() ? Optional.empty()
                : Optional.of(Path.of(home, ".cache", "edgestudio", "native"));
    }

    /** @return the directory holding this jar's library, written there if missing; empty if that fails */
    static Optional<Path> extracted(Path cache) {
        String resource = Environment.getJniLibraryFileName("rocksdb");
        // the file name RocksDB.loadLibrary(paths) looks for in each directory (it passes "rocksdbjni")
        String name = Environment.getJniLibraryFileName("rocksdbjni");
        try {
            Optional<Path> jar = jar();
            if (jar.isEmpty()) {
                return Optional.empty();
            }
            String jarName = jar.get().getFileName().toString().replaceAll("\\.jar$", "");
            Path directory = cache.resolve(jarName + "-" + Files.size(jar.get()));
            Path library = directory.resolve(name);
            if (Files.isRegularFile(library)) {
                return Optional.of(directory);
            }
            try (InputStream in = RocksDB.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    return Optional.empty();
                }
                Files.createDirectories(directory);
                Path partial = Files.createTempFile(directory, name, ".partial");
                try {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
            return Optional.of(directory);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot keep RocksDB's native library in {}", cache, e);
            return Optional.empty();
        }
    }

    private static Optional<Path> jar() {
        try {
            CodeSource source = RocksDB.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
