package io.edgestudio.hub.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The module identities of one edge device, with their SAS keys. Keys are created once and kept in
 * {@code identities.json} under the state directory, so connection strings stay valid across restarts
 * until the user wipes the state.
 */
public final class IdentityRegistry {

    private static final int KEY_BYTES = 32;

    private final String deviceId;
    private final Path file;
    private final Map<String, ModuleIdentity> modules = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper mapper = new ObjectMapper();

    private IdentityRegistry(String deviceId, Path file) {
        this.deviceId = deviceId;
        this.file = file;
    }

    /**
     * @param deviceId the edge device id
     * @param stateDirectory where {@code identities.json} lives (created if needed)
     * @return the registry with the identities stored there for this device
     * @throws IOException if the stored identities cannot be read
     */
    public static IdentityRegistry open(String deviceId, Path stateDirectory) throws IOException {
        IdentityRegistry registry = new IdentityRegistry(deviceId, stateDirectory.resolve("identities.json"));
        Files.createDirectories(stateDirectory);
        if (Files.exists(registry.file)) {
            ObjectNode stored = (ObjectNode) registry.mapper.readTree(registry.file.toFile());
            if (deviceId.equals(stored.path("deviceId").asText())) {
                Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = stored.path("modules").fields();
                while (it.hasNext()) {
                    var entry = it.next();
                    registry.modules.put(entry.getKey(),
                            new ModuleIdentity(deviceId, entry.getKey(), entry.getValue().asText()));
                }
            }
        }
        return registry;
    }

    /** @return the edge device id */
    public String deviceId() {
        return deviceId;
    }

    /**
     * Makes sure every named module has an identity, creating keys for new ones and saving them.
     *
     * @param moduleIds the modules of the deployment
     * @return their identities, in the given order
     */
    public synchronized List<ModuleIdentity> ensure(Collection<String> moduleIds) {
        boolean changed = false;
        for (String moduleId : moduleIds) {
            if (!modules.containsKey(moduleId)) {
                byte[] key = new byte[KEY_BYTES];
                random.nextBytes(key);
                modules.put(moduleId, new ModuleIdentity(deviceId, moduleId, Base64.getEncoder().encodeToString(key)));
                changed = true;
            }
        }
        if (changed) {
            save();
        }
        return moduleIds.stream().map(modules::get).toList();
    }

    /**
     * @param device a device id
     * @param moduleId a module id
     * @return the identity, if known
     */
    public Optional<ModuleIdentity> find(String device, String moduleId) {
        return deviceId.equals(device) ? Optional.ofNullable(modules.get(moduleId)) : Optional.empty();
    }

    private void save() {
        ObjectNode root = mapper.createObjectNode().put("deviceId", deviceId);
        ObjectNode keys = root.putObject("modules");
        new LinkedHashMap<>(modules).values().forEach(m -> keys.put(m.moduleId(), m.sharedAccessKey()));
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            mapper.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
    }
}
