package io.edgestudio.docker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host file or directory the runtime mounts into a module container in addition to the createOptions' own
 * binds, e.g. the edge CA certificate the module's {@code EdgeModuleCACertificateFile} names.
 *
 * @param hostPath the absolute path on the host
 * @param containerPath the absolute path inside the container
 * @param readOnly whether the container may only read it
 */
public record FileMount(Path hostPath, String containerPath, boolean readOnly) {

    /** Checks that both paths are absolute. */
    public FileMount {
        Objects.requireNonNull(hostPath, "hostPath");
        Objects.requireNonNull(containerPath, "containerPath");
        if (!hostPath.isAbsolute()) {
            throw new IllegalArgumentException("host path of a mount must be absolute: " + hostPath);
        }
        if (!containerPath.startsWith("/")) {
            throw new IllegalArgumentException("container path of a mount must be absolute: " + containerPath);
        }
    }

    /** @return the engine's bind syntax, {@code host:container[:ro]} */
    public String bind() {
        return hostPath + ":" + containerPath + (readOnly ? ":ro" : "");
    }
}
