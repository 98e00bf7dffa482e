package io.edgestudio.hub.twin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A durable {@link TwinStore}: one JSON file per module ({@code <module>.json}), replaced atomically.
 * Twins are small and written rarely, so a file each is simpler to inspect than a database.
 */
public final class FileTwinStore implements TwinStore {

    private final Path directory;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param directory where the files live (created if needed)
     * @throws IOException if the directory cannot be created
     */
    public FileTwinStore(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    @Override
    public Optional<ModuleTwin> load(String module) {
        Path file = directory.resolve(module + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModuleTwin.fromJson(mapper.readTree(file.toFile())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read twin " + file, e);
        }
    }

    @Override
    public synchronized void save(String module, ModuleTwin twin) {
        Path file = directory.resolve(module + ".json");
        Path temporary = directory.resolve(module + ".json.tmp");
        try {
            mapper.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), twin.toJson());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save twin " + file, e);
        }
    }
}
