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
import org.eclipse.debug.core.ILaunch;

import com.fasterxml.jackson.databind.JsonNode;

import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Port;
import io.edgestudio.dsl.edge.PortDirection;
import io.edgestudio.dsl.generator.EdgeSolution;
import io.edgestudio.dsl.generator.SolutionLoader;
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
     * @param modules modules with their connection state
     * @param routes routes with their counters
     * @param online whether the upstream is online
     * @param upstreamQueued messages waiting for the upstream
     * @param upstream recent upstream messages, oldest first
     * @param error why the API could not be read, or null
     */
    public record Snapshot(String launch, URI api, List<JsonNode> modules, List<JsonNode> routes, boolean online,
            long upstreamQueued, List<JsonNode> upstream, String error) {

        static Snapshot none(String launch, URI api, String error) {
            return new Snapshot(launch, api, List.of(), List.of(), true, 0, List.of(), error);
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
            return new Snapshot(name, api.base(), api.modules(), api.routes(), api.isOnline(),
                    upstreamQueued(api.metrics()), api.upstream(UPSTREAM_SHOWN), null);
        } catch (RuntimeException e) {
            return Snapshot.none(name, api.base(), e.getMessage());
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

    /** A message to start from for an input: built from its message schema, or {@code {}}. */
    public String sample(String module, String input) {
        return ManagementClient.pretty(module(module).flatMap(m -> m.getPorts().stream()
                .filter(p -> p.getDirection() == PortDirection.INPUT && p.getName().equals(input)).findFirst())
                .map(p -> MessageSamples.of(p.getType())).orElseGet(() -> MessageSamples.of(null)));
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
