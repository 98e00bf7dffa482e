package io.edgestudio.dsl.model;

import io.edgestudio.dsl.edge.AllMessagesSource;
import io.edgestudio.dsl.edge.AllModulesSource;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.ModuleSink;
import io.edgestudio.dsl.edge.ModuleSource;
import io.edgestudio.dsl.edge.Port;
import io.edgestudio.dsl.edge.PortDirection;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.edge.RouteSource;
import io.edgestudio.dsl.edge.UpstreamSink;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which ports and modules the routes of a solution connect, as edgeHub would match them: a
 * {@code Filter.*} source covers every output of Filter, {@code *} and {@code $messages} every
 * output of every module. Unresolved references are ignored; the linker reports them.
 */
public class RouteGraph {

	private final List<Module> modules;
	private final Set<Port> fedInputs = new HashSet<>();
	private final Set<Port> routedOutputs = new HashSet<>();
	private final Set<Module> mentioned = new HashSet<>();
	private final Map<Module, Set<Module>> successors = new HashMap<>();
	private final Map<String, Route> firstRouteByKey = new HashMap<>();

	/** Builds the graph of the given modules and routes. */
	public RouteGraph(List<Module> modules, List<Route> routes) {
		this.modules = modules;
		for (Route route : routes) {
			add(route);
		}
	}

	private void add(Route route) {
		firstRouteByKey.putIfAbsent(key(route), route);
		Set<Module> sources = sourceModules(route.getSource());
		mentioned.addAll(sources);
		for (Module source : sources) {
			source.getPorts().stream()
					.filter(p -> p.getDirection() == PortDirection.OUTPUT && covers(route.getSource(), p))
					.forEach(routedOutputs::add);
		}
		if (route.getSink() instanceof ModuleSink sink && resolved(sink.getModule())) {
			mentioned.add(sink.getModule());
			if (sink.getInput() != null && !sink.getInput().eIsProxy()) {
				fedInputs.add(sink.getInput());
			}
			for (Module source : sources) {
				successors.computeIfAbsent(source, m -> new LinkedHashSet<>()).add(sink.getModule());
			}
		}
	}

	/** The modules whose messages a source selects. */
	public Set<Module> sourceModules(RouteSource source) {
		if (source instanceof ModuleSource s) {
			return resolved(s.getModule()) ? Set.of(s.getModule()) : Set.of();
		}
		if (source instanceof AllModulesSource || source instanceof AllMessagesSource) {
			return new LinkedHashSet<>(modules);
		}
		return Set.of();
	}

	private static boolean covers(RouteSource source, Port output) {
		if (source instanceof ModuleSource s && !s.isAllOutputs()) {
			return s.getOutput() == output;
		}
		return true;
	}

	/** Whether some route delivers to this input. */
	public boolean isFed(Port input) {
		return fedInputs.contains(input);
	}

	/** Whether some route takes messages from this output. */
	public boolean isRouted(Port output) {
		return routedOutputs.contains(output);
	}

	/** Whether any route reads from or delivers to this module. */
	public boolean isConnected(Module module) {
		return mentioned.contains(module);
	}

	/** The first route with the same source, sink and condition, if it is not this one. */
	public Optional<Route> earlierDuplicate(Route route) {
		Route first = firstRouteByKey.get(key(route));
		return first == null || first == route ? Optional.empty() : Optional.of(first);
	}

	/** A path of modules from the sink of this route back to one of its sources, if any. */
	public Optional<List<Module>> cycleThrough(Route route) {
		if (!(route.getSink() instanceof ModuleSink sink) || !resolved(sink.getModule())) {
			return Optional.empty();
		}
		Set<Module> sources = sourceModules(route.getSource());
		Map<Module, Module> parent = new HashMap<>();
		Deque<Module> queue = new ArrayDeque<>(List.of(sink.getModule()));
		parent.put(sink.getModule(), null);
		while (!queue.isEmpty()) {
			Module current = queue.poll();
			if (sources.contains(current)) {
				return Optional.of(pathTo(current, parent));
			}
			for (Module next : successors.getOrDefault(current, Set.of())) {
				if (!parent.containsKey(next)) {
					parent.put(next, current);
					queue.add(next);
				}
			}
		}
		return Optional.empty();
	}

	private static List<Module> pathTo(Module end, Map<Module, Module> parent) {
		Deque<Module> path = new ArrayDeque<>();
		for (Module m = end; m != null; m = parent.get(m)) {
			path.addFirst(m);
		}
		return List.copyOf(path);
	}

	private static String key(Route route) {
		if (route.getEdgeHubRoute() != null) {
			return route.getEdgeHubRoute().strip();
		}
		String source = switch (route.getSource()) {
			case ModuleSource s -> name(s.getModule()) + "." + (s.isAllOutputs() ? "*" : nameOf(s.getOutput()));
			case AllModulesSource s -> "*";
			case AllMessagesSource s -> "$messages";
			case null -> "?";
			default -> "$twinChangeNotifications";
		};
		String sink = switch (route.getSink()) {
			case ModuleSink s -> name(s.getModule()) + "." + nameOf(s.getInput());
			case UpstreamSink s -> "$upstream";
			case null, default -> "?";
		};
		return source + "->" + sink + " where " + route.getCondition();
	}

	private static String name(Module module) {
		return resolved(module) ? module.getName() : "?";
	}

	private static String nameOf(Port port) {
		return port == null || port.eIsProxy() ? "?" : port.getName();
	}

	private static boolean resolved(Module module) {
		return module != null && !module.eIsProxy();
	}
}
