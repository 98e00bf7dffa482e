package io.edgestudio.cli;

import io.edgestudio.agent.AgentOptions;
import io.edgestudio.agent.EdgeAgent;
import io.edgestudio.agent.process.CommandResolver;
import io.edgestudio.agent.container.ModuleBackends;
import io.edgestudio.hub.LocalEdgeHub;
import io.edgestudio.hub.manifest.DeploymentManifest;
import io.edgestudio.hub.manifest.ManifestLoader;
import io.edgestudio.hub.manifest.TemplateExpander;
import io.edgestudio.hub.store.StoredMessage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A running local edge for the command line: the hub and the agent on a prepared solution, printing module
 * output, status changes and upstream messages to the console. Closing stops the modules, then the hub.
 */
final class LocalEdge implements AutoCloseable {

    final LocalEdgeHub hub;
    final EdgeAgent agent;
    final DeploymentManifest manifest;
    private final Consumer<StoredMessage> upstreamPrinter;

    private LocalEdge(LocalEdgeHub hub, EdgeAgent agent, DeploymentManifest manifest,
            Consumer<StoredMessage> upstreamPrinter) {
        this.hub = hub;
        this.agent = agent;
        this.manifest = manifest;
        this.upstreamPrinter = upstreamPrinter;
    }

    /**
     * Builds the solution's stale generated Java modules (those the agent starts), then starts the hub and the
     * agent.
     */
    static LocalEdge start(SolutionInput solution, RuntimeOptions options, Console console) throws Exception {
        Path state = options.stateDirectory(solution.solutionDirectory());
        DeploymentManifest manifest = new ManifestLoader().load(solution.manifest(),
                new TemplateExpander(System::getenv, Map.of()));
        AgentOptions agentOptions = options.agentOptions(solution.solutionDirectory());
        ModuleBackends backend = ModuleBackends.choose(options.backendMode(), manifest, state, options.deviceId,
                agentOptions);
        LocalEdgeHub hub;
        long started;
        try {
            build(solution, manifest, backend, state, console);
            console.widen(manifest.modules().keySet());
            backend.choices().forEach((module, choice) -> console.note(module + " runs as " + choice));
            started = System.nanoTime();
            // The modules start while the hub starts listening: their JVMs take longer to reach their first CONNECT.
            hub = LocalEdgeHub.open(manifest, options.hubOptions(state));
        } catch (Exception | Error e) {
            backend.close();
            throw e;
        }
        EdgeAgent agent = null;
        try {
            if (options.offline) {
                hub.hub().upstream().setOnline(false);
            }
            Consumer<StoredMessage> printer = console::upstream;
            hub.hub().upstream().addListener(printer);
            // printed before the modules' first lines: the addresses are known once the hub is open
            console.note("hub for device " + options.deviceId + " on " + options.bind + ":" + options.mqttPort
                    + hub.management().map(m -> ", management API " + m.baseUri()).orElse("")
                    + hub.workload().map(w -> ", workload API " + w.uri()).orElse("")
                    + (options.offline ? ", upstream offline" : "") + ", state " + state);
            hub.upstreamRecorder().ifPresent(r -> console.note("$upstream messages are recorded in " + r.file()));
            agent = EdgeAgent.start(hub, manifest, state, agentOptions, backend, console::moduleLine,
                    console::status);
            hub.listen();
            hub.moduleMethods().ifPresent(m -> console.note("module-to-module direct methods on "
                    + m.address().getHostString() + ":" + m.address().getPort()));
            EdgeAgent running = agent;
            agentOptions.externalModules().forEach(m -> console.note(m + " is external: its environment is in "
                    + running.environmentFiles().get(m)));
            agentOptions.debugPorts().forEach((m, port) -> console.note(m + " accepts a debugger on 127.0.0.1:"
                    + port));
            console.note("started in " + (System.nanoTime() - started) / 1_000_000 + " ms; stop with Ctrl-C");
            return new LocalEdge(hub, agent, manifest, printer);
        } catch (Exception | Error e) {
            if (agent != null) {
                agent.close();
            } else {
                backend.close();
            }
            hub.close();
            throw e;
        }
    }

    private static void build(SolutionInput solution, DeploymentManifest manifest, ModuleBackends backends,
            Path state, Console console) throws Exception {
        CommandResolver finder = new CommandResolver(solution.solutionDirectory(), null, null, Map.of(), null, null,
                null);
        Map<String, Path> projects = new LinkedHashMap<>();
        for (String module : manifest.modules().keySet()) {
            Path project = finder.javaProject(module);
            if (project != null && backends.name(module).equals(ModuleBackends.PROCESS)) {
                projects.put(module, project);
            }
        }
        new ModuleBuild(state, console).build(projects);
    }

    @Override
    public void close() {
        hub.hub().upstream().removeListener(upstreamPrinter);
        agent.close();
        hub.close();
    }
}
