package io.edgestudio.agent.container;

import io.edgestudio.agent.ModuleBackend;
import io.edgestudio.agent.ModuleHandle;
import io.edgestudio.agent.ModuleLaunch;
import io.edgestudio.agent.ModuleOutput;
import io.edgestudio.agent.ModuleStartException;
import io.edgestudio.docker.ContainerException;
import io.edgestudio.docker.ContainerInfo;
import io.edgestudio.docker.ContainerSpec;
import io.edgestudio.docker.DockerEngine;
import io.edgestudio.docker.FileMount;
import io.edgestudio.docker.ModuleContainer;
import io.edgestudio.docker.ModuleContainers;
import io.edgestudio.docker.PullPolicy;
import io.edgestudio.docker.PullProgress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs modules as containers on a Docker engine: the manifest's image (never pulled when present) with its
 * createOptions, the module's environment, host networking (so a module reaches the hub and the workload API on
 * the loopback address) and this edge's labels. The CA certificate {@code EdgeModuleCACertificateFile} names is
 * mounted read-only at {@value #CA_CERTIFICATE_PATH} and the variable points there. Output goes to the same
 * per-module output as a process's; a stop is graceful, then forced, and removes the container. Containers
 * carry the edge id ({@link #edgeId}), so edges side by side on one engine never touch each other's containers;
 * what this edge left behind is removed when it starts again and when it stops.
 */
public final class ContainerBackend implements ModuleBackend {

    /** Where a container finds the edge CA certificate (the file {@code EdgeModuleCACertificateFile} names). */
    public static final String CA_CERTIFICATE_PATH = "/run/edgestudio/edge-ca.cert.pem";

    private static final Logger LOG = LoggerFactory.getLogger(ContainerBackend.class);
    private static final String CA_VARIABLE = "EdgeModuleCACertificateFile";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}|\\$[A-Za-z_]");

    private final DockerEngine engine;
    private final ModuleContainers containers;

    /**
     * @param engine the engine (closed with this backend)
     * @param edgeId the edge's id, see {@link #edgeId}
     */
    public ContainerBackend(DockerEngine engine, String edgeId) {
        this.engine = engine;
        this.containers = engine.containers(edgeId);
    }

    /**
     * An edge's id on a Docker engine: the device id and a digest of the state directory, e.g.
     * {@code edgestudio-device-1a2b3c4d}. Two edges side by side have different state directories.
     *
     * @param deviceId the edge device id
     * @param stateDirectory the runtime's state directory
     * @return the id its containers are labelled with
     */
    public static String edgeId(String deviceId, Path stateDirectory) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(stateDirectory.toAbsolutePath().normalize()
                    .toString().getBytes(StandardCharsets.UTF_8));
            return deviceId.replaceAll("[^a-zA-Z0-9_.-]", "_") + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String name() {
        return "docker";
    }

    /** @return the engine the containers run on */
    public DockerEngine engine() {
        return engine;
    }

    /** @return this edge's containers */
    public ModuleContainers containers() {
        return containers;
    }

    /**
     * @param image an image reference
     * @return whether the engine has it without a pull; false for a reference the engine does not accept
     */
    public boolean hasImage(String image) {
        if (image == null || image.isBlank() || PLACEHOLDER.matcher(image).find()) {
            return false;
        }
        try {
            return containers.hasImage(image);
        } catch (ContainerException e) {
            LOG.debug(e.getMessage());
            return false;
        }
    }

    @Override
    public int removeLeftovers() {
        try {
            List<ContainerInfo> removed = containers.removeLeftovers();
            removed.forEach(c -> LOG.debug("Removed container {} of module {}", c.name(), c.module()));
            return removed.size();
        } catch (ContainerException e) {
            // a container left under a module's name is still replaced when that module starts
            LOG.warn("Cannot remove the containers an earlier run left: {}", e.getMessage());
            return 0;
        }
    }

    @Override
    public ModuleHandle start(ModuleLaunch launch, ModuleOutput output) throws ModuleStartException {
        String module = launch.module();
        String image = launch.spec().image();
        if (image == null || image.isBlank()) {
            throw new ModuleStartException("module " + module + " has no image (settings.image) to run as a container");
        }
        if (PLACEHOLDER.matcher(image).find()) {
            throw new ModuleStartException("module " + module + ": image \"" + image + "\" has a placeholder without "
                    + "a value (set the variable, or build the module image and name it in the manifest)");
        }
        Map<String, String> env = new LinkedHashMap<>(launch.environment());
        List<FileMount> mounts = new ArrayList<>();
        String ca = env.get(CA_VARIABLE);
        if (ca != null && !ca.isBlank()) {
            Path file = Path.of(ca).toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw new ModuleStartException("module " + module + ": the edge CA certificate " + file
                        + " does not exist");
            }
            mounts.add(new FileMount(file, CA_CERTIFICATE_PATH, true));
            env.put(CA_VARIABLE, CA_CERTIFICATE_PATH);
        }
        ContainerSpec spec;
        try {
            spec = new ContainerSpec(module, image, env, launch.spec().createOptions(), PullPolicy.ON_CREATE, mounts);
        } catch (IllegalArgumentException e) {
            throw new ModuleStartException("module " + module + ": " + e.getMessage(), e);
        }
        try {
            return new ContainerRun(containers.start(spec, new Output(output)));
        } catch (ContainerException e) {
            throw new ModuleStartException(e.getMessage(), e);
        }
    }

    /** Removes every container of this edge that is still there, then closes the engine connection. */
    @Override
    public void close() {
        removeLeftovers();
        engine.close();
    }

    /** The agent's module output for the engine's output streams; pull progress as lines of the module. */
    private record Output(ModuleOutput output) implements io.edgestudio.docker.ModuleOutput {

        @Override
        public void line(String module, Stream stream, String line) {
            output.line(module, stream == Stream.STDERR, line);
        }

        @Override
        public void pull(String module, PullProgress progress) {
            // per-layer progress is too much for a console; the image's own steps are enough
            if (progress.layer() == null && progress.status() != null) {
                output.line(module, false, "[pull " + progress.image() + "] " + progress.status());
            }
        }
    }

    /** One run of a module container. */
    private static final class ContainerRun implements ModuleHandle {

        private final ModuleContainer container;
        private final CompletableFuture<Integer> exit;
        private volatile boolean stopping;
        private boolean removed;

        ContainerRun(ModuleContainer container) {
            this.container = container;
            // Not on the engine client's stream thread that completes the container's exit: closing the stream
            // interrupts that thread, and a removal from there would fail to get a connection.
            this.exit = container.exit().handleAsync((code, error) -> {
                if (stopping) {
                    // removed before the supervisor hears of the exit, so a restart never meets the old container
                    removeQuietly();
                }
                if (error != null) {
                    LOG.warn("{}", error.getMessage());
                    return -1;
                }
                return code;
            });
        }

        @Override
        public String id() {
            return container.id().substring(0, Math.min(12, container.id().length()));
        }

        @Override
        public CompletableFuture<Integer> exit() {
            return exit;
        }

        @Override
        public void stop(Duration grace) {
            stopping = true;
            try {
                container.stop(grace);
            } catch (ContainerException e) {
                LOG.warn("{}; removing it", e.getMessage());
            }
            // Removing kills what still runs and ends the output and wait streams: the exit completes.
            removeQuietly();
            exit.join();
        }

        /** Removes the container once, whichever of the stop and the exit gets here first. */
        private synchronized void removeQuietly() {
            if (removed) {
                return;
            }
            removed = true;
            try {
                container.remove();
            } catch (ContainerException e) {
                LOG.warn(e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("cannot remove the container of a module: {}", e.toString());
            }
        }
    }
}
