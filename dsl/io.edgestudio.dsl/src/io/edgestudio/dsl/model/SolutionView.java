package io.edgestudio.dsl.model;

import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.edge.Solution;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A snapshot of the whole solution as one file sees it: its modules, routes and solution blocks
 * across files, with name counts and the route graph computed once. Validation builds one per run
 * so that whole-solution rules cost a lookup per element instead of a pass over the solution.
 */
public final class SolutionView {

	private final List<Module> modules;
	private final List<Route> routes;
	private final List<Solution> solutions;
	private final Map<String, Integer> moduleNames;
	private final Map<String, Integer> routeNames;
	private final Map<String, Integer> moduleNamesIgnoringCase;
	private final Map<String, Integer> typeNames;
	private RouteGraph graph;

	/**
	 * A view of these elements; the lists start with the validated file's own elements.
	 * {@code typeNames} are the qualified names of all message, enum and twin types, each prefixed
	 * with its namespace ({@link #typeKey}).
	 */
	public SolutionView(List<Module> modules, List<Route> routes, List<Solution> solutions, List<String> typeNames) {
		this.modules = List.copyOf(modules);
		this.routes = List.copyOf(routes);
		this.solutions = List.copyOf(solutions);
		this.moduleNames = countNames(this.modules.stream().map(Module::getName).toList());
		this.routeNames = countNames(this.routes.stream().map(Route::getName).toList());
		this.moduleNamesIgnoringCase = countNames(moduleNames.keySet().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList());
		this.typeNames = countNames(typeNames);
	}

	/** The key of a type name: message and enum types share a namespace, twin schemas have their own. */
	public static String typeKey(boolean twin, String qualifiedName) {
		return (twin ? "twin " : "type ") + qualifiedName;
	}

	/** All modules of the solution. */
	public List<Module> modules() {
		return modules;
	}

	/** All routes of the solution. */
	public List<Route> routes() {
		return routes;
	}

	/** All solution blocks; a well-formed solution has exactly one. */
	public List<Solution> solutions() {
		return solutions;
	}

	/** How many modules of the solution have this name. */
	public int modulesNamed(String name) {
		return name == null ? 0 : moduleNames.getOrDefault(name, 0);
	}

	/** How many routes of the solution have this name. */
	public int routesNamed(String name) {
		return name == null ? 0 : routeNames.getOrDefault(name, 0);
	}

	/** How many different module names of the solution equal this one when case is ignored (itself included). */
	public int moduleNamesLike(String name) {
		return name == null ? 0 : moduleNamesIgnoringCase.getOrDefault(name.toLowerCase(Locale.ROOT), 0);
	}

	/** How many types of the solution have this {@link #typeKey key}. */
	public int typesNamed(String key) {
		return typeNames.getOrDefault(key, 0);
	}

	/** The route graph of these modules and routes, built on first use. */
	public synchronized RouteGraph graph() {
		if (graph == null) {
			graph = new RouteGraph(modules, routes);
		}
		return graph;
	}

	private static Map<String, Integer> countNames(List<String> names) {
		Map<String, Integer> counts = new HashMap<>();
		for (String name : names) {
			if (name != null) {
				counts.merge(name, 1, Integer::sum);
			}
		}
		return counts;
	}
}
