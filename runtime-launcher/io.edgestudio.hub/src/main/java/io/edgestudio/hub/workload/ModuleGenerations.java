package io.edgestudio.hub.workload;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * Each module's generation id ({@code IOTEDGE_MODULEGENERATIONID}): random, kept in a file under the state
 * directory so that modules still running across a hub restart keep signing with theirs. The workload API signs
 * only for a module's current generation: a process must have been given the id to use the module's key.
 */
public final class ModuleGenerations {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties ids = new Properties();

    private ModuleGenerations(Path file) {
        this.file = file;
    }

    /**
     * @param file the properties file (created on first use)
     * @return the generations saved there
     * @throws IOException if the file exists but cannot be read
     */
    public static ModuleGenerations open(Path file) throws IOException {
        ModuleGenerations generations = new ModuleGenerations(file);
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                generations.ids.load(in);
            }
        }
        return generations;
    }

    /**
     * @param module a module id
     * @return its generation id, made and saved on first use
     */
    public synchronized String generationId(String module) {
        String id = ids.getProperty(module);
        if (id == null) {
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            id = HexFormat.of().formatHex(random);
            ids.setProperty(module, id);
            save();
        }
        return id;
    }

    /**
     * @param module a module id
     * @return its generation id, if it has one
     */
    public synchronized Optional<String> find(String module) {
        return Optional.ofNullable(ids.getProperty(module));
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary)) {
                ids.store(out, "Module generation ids of the local edge's workload API");
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
    }
}
