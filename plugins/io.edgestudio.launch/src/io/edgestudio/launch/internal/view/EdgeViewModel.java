package io.edgestudio.launch.internal.view;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunch;

import com.fasterxml.jackson.databind.JsonNode;

import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Port;
import io.edgestudio.dsl.edge.PortDirection;
import io.edgestudio.dsl.generator.EdgeSolution;
import io.edgestudio.dsl.generator.SolutionLoader;
import io.edgestudio.dsl.generator.java.SampleJson;
import io.edgestudio.launch.internal.launching.IdeModules;
import io.edgestudio.launch.internal.runtime.ManagementClient;
import io.edgestudio.ui.EdgeUi;

/**
 * What the Edge view shows and does, without widgets: it follows the most recent running Edge launch (a relaunch
 * or a runtime restart is picked up on the next refresh) and talks to its management API. Every method blocks on
 * the network: call them off the UI thread.
 */
public final class EdgeViewModel {

    private static final Pattern INPUT_ENDPOINT = Pattern.compile("/modules/([^/\"]+)/inputs/([^/\"]+)");
    private static final int UPSTREAM_SHOWN = 50;

    /**
     * One refresh of the view.
     *
     * @param launch name of the launch shown, empty when none runs
     * @param api its management API, or null
     * @param modules modules with their status
     * @param routes routes with their counters
     * @param online whether the upstream is online
     * @param upstreamQueued messages waiting for the upstream
     * @param upstream recent upstream messages, oldest first
     * @param error why the API could not be read, or null
     */
    public record Snapshot(String launch, URI api, List<ModuleStatus> modules, List<JsonNode> routes, boolean online,
            long upstreamQueued, List<JsonNode> upstream, String error) {

        static Snapshot none(String launch, URI api, String error) {
            return new Snapshot(launch, api, List.of(), List.of(), true, 0, List.of(), error);
        }
    }

    /**
     * A module as the view shows it.
     *
     * @param name the module's name
     * @param status {@code running}, {@code backoff}, {@code stopped}, {@code failed} (from the agent, or from the
     *        IDE for a module it launches), or what the agent reports otherwise
     * @param description why it has this status, may be empty
     * @param exitCode the exit code of its last run, or null
     * @param restartCount restarts by its restart policy since it last started on request or ran long enough
     * @param connection the hub's {@code Connected} or {@code Disconnected}
     * @param inflight messages sent to it and not yet acknowledged
     * @param ide whether the IDE launches it (a Java project in the workspace) rather than the agent
     */
    public record ModuleStatus(String name, String status, String description, Integer exitCode, int restartCount,
            String connection, int inflight, boolean ide) {

        /** The status column: the status, marked when the IDE runs the module. */
        public String label() {
            return ide ? status + " (IDE)" : status;
        }
    }

    private String loadedProject;
    private EdgeSolution solution;

    /** The API of the active launch. */
    public Optional<ManagementClient> client() {
        return EdgeRuntimes.active().map(l -> new ManagementClient(EdgeRuntimes.managementUri(l)));
    }

    private ManagementClient requireClient() {
        return client().orElseThrow(() -> new IllegalStateException("No Edge Solution is running."));
    }

    /** Reads everything the view shows. */
    public Snapshot refresh() {
        Optional<ILaunch> launch = EdgeRuntimes.active();
        if (launch.isEmpty()) {
            return Snapshot.none("", null, null);
        }
        String name = launch.get().getLaunchConfiguration().getName();
        ManagementClient api = new ManagementClient(EdgeRuntimes.managementUri(launch.get()));
        try {
            Optional<IdeModules> ide = IdeModules.of(launch.get());
            List<ModuleStatus> modules = api.modules().stream().map(m -> status(m, ide)).toList();
            return new Snapshot(name, api.base(), modules, api.routes(), api.isOnline(),
                    upstreamQueued(api.metrics()), api.upstream(UPSTREAM_SHOWN), null);
        } catch (RuntimeException e) {
            return Snapshot.none(name, api.base(), e.getMessage());
        }
    }

    /** The view's status of a module from the API's entry and, for a module the IDE runs, its process. */
    private static ModuleStatus status(JsonNode module, Optional<IdeModules> ide) {
        String name = module.path("moduleId").asText();
        String connection = module.path("connectionState").asText("");
        int inflight = module.path("inflight").asInt();
        Optional<IdeModules.State> launched = ide.flatMap(i -> i.state(name));
        if (launched.isPresent()) {
            IdeModules.State state = launched.get();
            String description = (state.debug() ? "under the debugger" : "Java application") + " of project "
                    + state.project();
            return new ModuleStatus(name, state.running() ? "running" : "stopped", description, state.exitCode(), 0,
                    connection, inflight, true);
        }
        JsonNode exit = module.path("exitCode");
        return new ModuleStatus(name, module.path("runtimeStatus").asText(""),
                module.path("statusDescription").asText(""), exit.isNumber() ? exit.asInt() : null,
                module.path("restartCount").asInt(), connection, inflight, false);
    }

    /** Starts a module: the agent starts its own modules; the IDE launches its Java modules again. */
    public void start(String module) {
        control(module, "start");
    }

    /** Stops a module, gracefully first: through the agent, or by terminating the IDE's launch of it. */
    public void stop(String module) {
        control(module, "stop");
    }

    /**
     * Restarts a module: the agent stops and starts its own modules; a module the IDE runs is terminated and
     * launched again in the same mode (under the debugger in a Debug launch), with its breakpoints.
     */
    public void restart(String module) {
        control(module, "restart");
    }

    private void control(String module, String action) {
        Optional<ILaunch> launch = EdgeRuntimes.active();
        if (launch.isEmpty()) {
            throw new IllegalStateException("No Edge Solution is running.");
        }
        Optional<IdeModules> ide = IdeModules.of(launch.get()).filter(i -> i.contains(module));
        if (ide.isPresent()) {
            try {
                switch (action) {
                    case "start" -> ide.get().start(module);
                    case "stop" -> ide.get().stop(module);
                    default -> ide.get().restart(module);
                }
            } catch (CoreException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        } else {
            new ManagementClient(EdgeRuntimes.managementUri(launch.get())).control(module, action);
        }
    }

    /** Sends a message (JSON text) to a module's input. */
    public JsonNode sendMessage(String module, String input, String json) {
        return requireClient().sendMessage(module, input, ManagementClient.parse(json));
    }

    /** A module's twin. */
    public JsonNode twin(String module) {
        return requireClient().twin(module);
    }

    /** Patches a module's desired properties with JSON text; returns the twin. */
    public JsonNode setDesired(String module, String patch) {
        return requireClient().patchDesired(module, ManagementClient.parse(patch));
    }

    /** Invokes a direct method with a JSON payload. */
    public JsonNode invoke(String module, String method, String payload, int timeoutSeconds) {
        return requireClient().invokeMethod(module, method, ManagementClient.parse(payload), timeoutSeconds);
    }

    /** Takes the upstream online or offline. */
    public void setOnline(boolean online) {
        requireClient().setOnline(online);
    }

    /** A module's inputs: from the solution when it can be read, else those the routes deliver to. */
    public List<String> inputs(String module) {
        Optional<Module> declared = module(module);
        if (declared.isPresent()) {
            return declared.get().getPorts().stream().filter(p -> p.getDirection() == PortDirection.INPUT)
                    .map(Port::getName).toList();
        }
        Set<String> inputs = new LinkedHashSet<>();
        client().ifPresent(api -> api.routes().forEach(route -> {
            Matcher m = INPUT_ENDPOINT.matcher(route.path("route").asText());
            while (m.find()) {
                if (m.group(1).equals(module)) {
                    inputs.add(m.group(2));
                }
            }
        }));
        return new ArrayList<>(inputs);
    }

    /**
     * A message to start from for an input: every field of its message schema set (the sample the generated
     * module tests use), or {@code {}}.
     */
    public String sample(String module, String input) {
        String sample = module(module).flatMap(m -> m.getPorts().stream()
                .filter(p -> p.getDirection() == PortDirection.INPUT && p.getName().equals(input)).findFirst())
                .map(p -> SampleJson.message(p.getType())).orElseGet(() -> SampleJson.message(null));
        return ManagementClient.pretty(ManagementClient.parse(sample));
    }

    private synchronized Optional<Module> module(String name) {
        String project = EdgeRuntimes.active().map(EdgeRuntimes::project).orElse("");
        if (project.isEmpty()) {
            return Optional.empty();
        }
        if (!project.equals(loadedProject)) {
            solution = load(project);
            loadedProject = project;
        }
        return solution == null ? Optional.empty()
                : solution.modules().stream().filter(m -> name.equals(m.getName())).findFirst();
    }

    private static EdgeSolution load(String projectName) {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(projectName);
        if (!project.isOpen()) {
            return null;
        }
        try {
            SolutionLoader.Loaded loaded = new SolutionLoader(EdgeUi.languageServer().language())
                    .load(List.of(project.getLocation().toFile().toPath()));
            return EdgeSolution.of(loaded.resources());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Messages queued for {@code $upstream}, from the Prometheus text. */
    static long upstreamQueued(String metrics) {
        long queued = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("edgehub_queue_length{") && line.contains("endpoint=\"$upstream\"")) {
                try {
                    queued += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } catch (NumberFormatException e) {
                    // a malformed sample counts as none
                }
            }
        }
        return queued;
    }
}
