package io.edgestudio.agent;

import io.edgestudio.agent.process.CommandResolver;
import io.edgestudio.agent.process.ProcessBackend;
import io.edgestudio.agent.process.ProcessRecords;
import io.edgestudio.agent.process.RunFile;
import io.edgestudio.hub.LocalEdgeHub;
import io.edgestudio.hub.identity.ModuleIdentity;
import io.edgestudio.hub.manifest.DeploymentManifest;
import io.edgestudio.hub.manifest.ModuleSpec;
import io.edgestudio.hub.management.ModuleRuntimeStatus;
import io.edgestudio.hub.workload.WorkloadServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local edgeAgent: for a running {@link LocalEdgeHub} and its deployment, removes what a crashed earlier
 * run left, writes every module's environment to {@code <state>/modules/<module>.env}, starts the modules in
 * {@code startupOrder} through a backend and supervises them; the hub's management API shows their status
 * and starts, stops and restarts them.
 */
public final class EdgeAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeAgent.class);

    private final ModuleSupervisor supervisor;
    private final ModuleBackend backend;
    private final Map<String, Path> environmentFiles;

    private EdgeAgent(ModuleSupervisor supervisor, ModuleBackend backend, Map<String, Path> environmentFiles) {
        this.supervisor = supervisor;
        this.backend = backend;
        this.environmentFiles = environmentFiles;
    }

    /**
     * @param stateDirectory the runtime's state directory
     * @param options the agent options
     * @return the process backend for these options (process records in {@code <state>/agent/processes},
     *         class-data archives in the options' directory, else {@code <state>/agent/cds})
     */
    public static ProcessBackend processBackend(Path stateDirectory, AgentOptions options) {
        Path agent = stateDirectory.resolve("agent");
        CommandResolver commands = new CommandResolver(options.solutionDirectory(),
                RunFile.load(options.solutionDirectory()), CommandResolver.currentJava(), options.debugPorts(),
                "127.0.0.1", options.classDataDirectory() != null ? options.classDataDirectory() : agent.resolve("cds"),
                options.runtimeClasspath());
        return new ProcessBackend(commands, new ProcessRecords(agent.resolve("processes")), options.stopTimeout());
    }

    /**
     * Starts the agent.
     *
     * @param edge the running hub
     * @param manifest its deployment
     * @param stateDirectory the hub's state directory
     * @param options how to run the modules
     * @param backend where they run
     * @param output receives their output
     * @param listener told of status changes
     * @return the running agent
     * @throws IOException if the environment files cannot be written
     * @throws IllegalArgumentException if an external or debugged module is not in the deployment, or modules are
     *         to run without a connection string but the hub runs no workload API
     */
    public static EdgeAgent start(LocalEdgeHub edge, DeploymentManifest manifest, Path stateDirectory,
            AgentOptions options, ModuleBackend backend, ModuleOutput output, ModuleStatusListener listener)
            throws IOException {
        Set<String> named = new HashSet<>(options.externalModules());
        named.addAll(options.debugPorts().keySet());
        named.removeAll(manifest.modules().keySet());
        if (!named.isEmpty()) {
            throw new IllegalArgumentException("not modules of the deployment: " + String.join(", ", named.stream()
                    .sorted().toList()) + " (modules: " + String.join(", ", manifest.modules().keySet()) + ")");
        }
        int removed = backend.removeLeftovers();
        if (removed > 0) {
            LOG.info("Removed {} module runs left by an earlier runtime", removed);
        }
        String generation = Long.toString(Instant.now().toEpochMilli(), 36);
        String workloadUri = options.workloadUri() != null ? options.workloadUri()
                : edge.workload().map(WorkloadServer::uri).orElse(null);
        ModuleEnvironment environment = new ModuleEnvironment(edge.credentials(), workloadUri,
                options.workloadOnly());
        ModuleSupervisor supervisor = new ModuleSupervisor(backend, output, listener, options.backoff(),
                options.stopTimeout());
        Map<String, Path> files = new LinkedHashMap<>();
        String deviceId = edge.hub().identities().deviceId();
        for (ModuleSpec spec : manifest.modules().values()) {
            ModuleIdentity identity = edge.hub().identities().find(deviceId, spec.name()).orElseThrow();
            // The workload API signs only for the generation it gave the module.
            String moduleGeneration = edge.workload().isPresent()
                    ? edge.workloadEnvironment(spec.name()).get("IOTEDGE_MODULEGENERATIONID") : generation;
            Map<String, String> env = environment.of(spec, identity, moduleGeneration);
            files.put(spec.name(), ModuleEnvironment.write(stateDirectory.resolve("modules"), spec.name(), env));
            supervisor.add(new ModuleLaunch(spec, env, generation), options.externalModules().contains(spec.name()));
        }
        EdgeAgent agent = new EdgeAgent(supervisor, backend, files);
        edge.attachRuntime(supervisor);
        supervisor.startAll();
        return agent;
    }

    /** @return the supervisor (status, start, stop, restart) */
    public ModuleSupervisor supervisor() {
        return supervisor;
    }

    /** @return every module's status */
    public Map<String, ModuleRuntimeStatus> statuses() {
        return supervisor.statuses();
    }

    /** @return each module's environment file ({@code NAME=value} lines), by module */
    public Map<String, Path> environmentFiles() {
        return Map.copyOf(environmentFiles);
    }

    /** @return the modules whose status is {@code running} */
    public List<String> running() {
        return statuses().entrySet().stream().filter(e -> e.getValue().runtimeStatus().equals("running"))
                .map(Map.Entry::getKey).toList();
    }

    /** Stops every module (gracefully, then forcibly) and waits for them. */
    @Override
    public void close() {
        supervisor.close();
        backend.close();
        LOG.info("Edge agent stopped");
    }
}
