package io.edgestudio.hub.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a module process needs to reach the local hub, as iotedgehubdev's {@code modulecred} gives it:
 * {@code EdgeHubConnectionString} and {@code EdgeModuleCACertificateFile}.
 *
 * @param hubHostName the IoT hub host name (must contain a dot: the SDK rejects others)
 * @param gatewayHostName the host the SDK opens its socket to; the hub certificate carries it as a SAN
 * @param caCertificateFile the CA PEM that modules trust
 */
public record ModuleCredentials(String hubHostName, String gatewayHostName, Path caCertificateFile) {

    /** Checks the host name rule the SDK enforces. */
    public ModuleCredentials {
        if (!hubHostName.contains(".")) {
            throw new IllegalArgumentException("hub host name must contain a dot: " + hubHostName);
        }
    }

    /**
     * @param identity a module identity
     * @return its connection string
     */
    public String connectionString(ModuleIdentity identity) {
        return "HostName=" + hubHostName + ";GatewayHostName=" + gatewayHostName + ";DeviceId=" + identity.deviceId()
                + ";ModuleId=" + identity.moduleId() + ";SharedAccessKey=" + identity.sharedAccessKey();
    }

    /**
     * @param identity a module identity
     * @return the environment variables the SDK's {@code createFromEnvironment} reads
     */
    public Map<String, String> environment(ModuleIdentity identity) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("EdgeHubConnectionString", connectionString(identity));
        env.put("EdgeModuleCACertificateFile", caCertificateFile.toAbsolutePath().toString());
        return env;
    }

    /**
     * Writes {@code <directory>/<module>.env} (KEY=value lines) for a module.
     *
     * @param identity the module identity
     * @param directory where to write
     * @return the written file
     * @throws IOException if it cannot be written
     */
    public Path write(ModuleIdentity identity, Path directory) throws IOException {
        return writeEnvironment(directory, identity.moduleId(), environment(identity));
    }

    /**
     * Writes {@code <directory>/<module>.env}: one {@code NAME=value} line per variable, no quoting, UTF-8, line
     * breaks in values replaced by spaces; whole or not at all, since a module started before the edge (an IDE's)
     * reads the file as soon as it exists.
     *
     * @param directory where to write
     * @param module the module name
     * @param environment the variables
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path writeEnvironment(Path directory, String module, Map<String, String> environment)
            throws IOException {
        Files.createDirectories(directory);
        StringBuilder text = new StringBuilder();
        environment.forEach((name, value) -> text.append(name).append('=')
                .append(value.replace("\r", "").replace('\n', ' ')).append('\n'));
        Path temporary = directory.resolve(module + ".env.tmp");
        Files.writeString(temporary, text);
        return Files.move(temporary, directory.resolve(module + ".env"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
