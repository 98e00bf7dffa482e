package io.edgestudio.agent.container;

import io.edgestudio.agent.AgentOptions;
import io.edgestudio.agent.EdgeAgent;
import io.edgestudio.agent.ModuleBackend;
import io.edgestudio.agent.ModuleHandle;
import io.edgestudio.agent.ModuleLaunch;
import io.edgestudio.agent.ModuleOutput;
import io.edgestudio.agent.ModuleStartException;
import io.edgestudio.agent.process.CommandResolver;
import io.edgestudio.agent.process.ProcessBackend;
import io.edgestudio.agent.process.RunFile;
import io.edgestudio.docker.DockerEngine;
import io.edgestudio.docker.NoDockerEngineException;
import io.edgestudio.hub.manifest.DeploymentManifest;
import io.edgestudio.hub.manifest.ModuleSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend of each module of a deployment, chosen once at start by a {@link BackendMode}: the process backend,
 * and the container backend when a Docker engine is wanted and answers. Starts go to the module's backend;
 * leftovers of both are removed. When this edge ever ran containers (a marker file in the state directory), the
 * engine is asked to remove what is left of them even if no module needs it now.
 */
public final class ModuleBackends implements ModuleBackend {

    /** The backend names of {@link Choice}. */
    public static final String PROCESS = "process";
    /** The container backend's name. */
    public static final String DOCKER = "docker";
    /** A module someone else runs. */
    public static final String EXTERNAL = "external";

    private static final Logger LOG = LoggerFactory.getLogger(ModuleBackends.class);

    /**
     * How one module runs.
     *
     * @param backend {@value #PROCESS}, {@value #DOCKER} or {@value #EXTERNAL}
     * @param reason why, for the console (e.g. {@code generated Java module}, {@code image only})
     */
    public record Choice(String backend, String reason) {

        @Override
        public String toString() {
            return backend + " (" + reason + ")";
        }
    }

    private final BackendMode mode;
    private final ProcessBackend processes;
    private final ContainerBackend containers;
    private final Map<String, Choice> choices;
    private final Path marker;

    private ModuleBackends(BackendMode mode, ProcessBackend processes, ContainerBackend containers,
            Map<String, Choice> choices, Path marker) {
        this.mode = mode;
        this.processes = processes;
        this.containers = containers;
        this.choices = choices;
        this.marker = marker;
    }

    /**
     * Chooses with the Docker engine at {@link DockerEngine#configuredHost()} ({@code DOCKER_HOST} or the default
     * socket).
     *
     * @see #choose(BackendMode, DeploymentManifest, Path, String, AgentOptions, String)
     */
    public static ModuleBackends choose(BackendMode mode, DeploymentManifest manifest, Path stateDirectory,
            String deviceId, AgentOptions options) throws NoDockerEngineException {
        return choose(mode, manifest, stateDirectory, deviceId, options, DockerEngine.configuredHost());
    }

    /**
     * @param mode how to choose
     * @param manifest the deployment (images already expanded)
     * @param stateDirectory the runtime's state directory
     * @param deviceId the edge device id (part of the edge id containers are labelled with)
     * @param options the agent options (solution directory, external modules, ...)
     * @param dockerHost the Docker host to use when containers are wanted
     * @return the backends, with each module's choice
     * @throws NoDockerEngineException if the mode is {@link BackendMode#DOCKER} and no engine answers
     */
    public static ModuleBackends choose(BackendMode mode, DeploymentManifest manifest, Path stateDirectory,
            String deviceId, AgentOptions options, String dockerHost) throws NoDockerEngineException {
        ProcessBackend processes = EdgeAgent.processBackend(stateDirectory, options);
        CommandResolver commands = processes.commands();
        Path marker = stateDirectory.resolve("agent").resolve("containers");
        boolean ranContainers = Files.exists(marker);
        // A module with a built-in stand-in alone does not make the runtime ask Docker (start-up time).
        boolean imageOnly = manifest.modules().values().stream().anyMatch(m -> !options.externalModules()
                .contains(m.name()) && !commands.hasLocalCommand(m.name()) && !isStandIn(m.image()));
        boolean wanted = mode == BackendMode.DOCKER || mode == BackendMode.AUTO && imageOnly;
        ContainerBackend containers = null;
        String noEngine = null;
        if (wanted || ranContainers) {
            try {
                containers = new ContainerBackend(DockerEngine.connect(dockerHost),
                        ContainerBackend.edgeId(deviceId, stateDirectory));
            } catch (NoDockerEngineException e) {
                if (mode == BackendMode.DOCKER) {
                    throw e;
                }
                noEngine = e.getMessage();
            }
        }
        Map<String, Choice> choices = new LinkedHashMap<>();
        for (ModuleSpec spec : manifest.modules().values()) {
            choices.put(spec.name(), choice(mode, spec, options, commands, mode == BackendMode.PROCESS ? null
                    : containers, noEngine));
        }
        if (choices.values().stream().anyMatch(c -> c.backend().equals(DOCKER))) {
            writeMarker(marker, containers);
        }
        return new ModuleBackends(mode, processes, containers, choices, marker);
    }

    private static Choice choice(BackendMode mode, ModuleSpec spec, AgentOptions options, CommandResolver commands,
            ContainerBackend containers, String noEngine) {
        String module = spec.name();
        if (options.externalModules().contains(module)) {
            return new Choice(EXTERNAL, "run outside the agent");
        }
        boolean local = commands.hasLocalCommand(module);
        // the stand-in runs when the real image is not there, rather than a pull that may take minutes or fail
        boolean standIn = isStandIn(spec.image());
        String reason = processReason(spec, commands);
        if (containers != null) {
            boolean present = containers.hasImage(spec.image());
            String on = "image " + spec.image() + " on Docker " + containers.engine().version();
            if (!local && !standIn) {
                return new Choice(DOCKER, on + (present ? "" : "; not present: pulled at start"));
            }
            if (present && (mode == BackendMode.DOCKER || !local)) {
                return new Choice(DOCKER, on);
            }
            return new Choice(PROCESS, present || mode != BackendMode.DOCKER ? reason
                    : reason + "; image " + spec.image() + " is not in the engine");
        }
        return new Choice(PROCESS, noEngine != null && !local && !standIn ? reason + "; " + noEngine : reason);
    }

    private static boolean isStandIn(String image) {
        return image != null && (image.equals(CommandResolver.SIMULATED_SENSOR_IMAGE)
                || image.startsWith(CommandResolver.SIMULATED_SENSOR_IMAGE + ":"));
    }

    private static String processReason(ModuleSpec spec, CommandResolver commands) {
        String module = spec.name();
        if (commands.runFile().entry(module).map(RunFile.Entry::runs).orElse(false)) {
            return "command in " + RunFile.NAME;
        }
        if (commands.javaProject(module) != null) {
            return "generated Java module";
        }
        if (isStandIn(spec.image())) {
            return "built-in stand-in for " + spec.image();
        }
        return "no local command";
    }

    private static void writeMarker(Path marker, ContainerBackend containers) {
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, containers.containers().edgeId() + " " + containers.engine().host() + "\n");
        } catch (IOException e) {
            LOG.warn("Cannot write {}: a crash may leave containers the next start does not look for", marker);
        }
    }

    /** @return each module's backend and why, in manifest order */
    public Map<String, Choice> choices() {
        return Map.copyOf(choices);
    }

    /** @return the container backend, if a Docker engine is in use */
    public java.util.Optional<ContainerBackend> containers() {
        return java.util.Optional.ofNullable(containers);
    }

    /** @return the process backend */
    public ProcessBackend processes() {
        return processes;
    }

    @Override
    public String name() {
        return mode.value();
    }

    @Override
    public String name(String module) {
        Choice choice = choices.get(module);
        return choice == null ? PROCESS : choice.backend();
    }

    @Override
    public int removeLeftovers() {
        return processes.removeLeftovers() + (containers == null ? 0 : containers.removeLeftovers());
    }

    @Override
    public ModuleHandle start(ModuleLaunch launch, ModuleOutput output) throws ModuleStartException {
        if (DOCKER.equals(name(launch.module())) && containers != null) {
            return containers.start(launch, output);
        }
        return processes.start(launch, output);
    }

    /** Closes both backends: removes this edge's containers, then forgets that it ran any. */
    @Override
    public void close() {
        processes.close();
        if (containers != null) {
            containers.close();
            try {
                Files.deleteIfExists(marker);
            } catch (IOException e) {
                LOG.debug("cannot delete {}", marker, e);
            }
        }
    }
}
