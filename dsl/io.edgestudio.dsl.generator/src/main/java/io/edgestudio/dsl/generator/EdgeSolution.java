package io.edgestudio.dsl.generator;

import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.edge.Solution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;

/**
 * The parts of a solution the generators read, collected from every .edge resource of one resource
 * set. Files are taken in URI order and elements in declaration order, so the output does not depend
 * on the order the files were loaded in.
 *
 * @param solution the solution block
 * @param modules all modules
 * @param routes all routes
 */
public record EdgeSolution(Solution solution, List<Module> modules, List<Route> routes) {

	/** The solution of a resource set; fails when it has no solution block. */
	public static EdgeSolution of(ResourceSet resources) {
		List<Solution> solutions = new ArrayList<>();
		List<Module> modules = new ArrayList<>();
		List<Route> routes = new ArrayList<>();
		List<Resource> sorted = new ArrayList<>(resources.getResources());
		sorted.sort(Comparator.comparing(r -> String.valueOf(r.getURI())));
		for (Resource resource : sorted) {
			resource.getAllContents().forEachRemaining(o -> collect(o, solutions, modules, routes));
		}
		if (solutions.isEmpty()) {
			throw new GeneratorException("the .edge files declare no solution");
		}
		return new EdgeSolution(solutions.getFirst(), List.copyOf(modules), List.copyOf(routes));
	}

	private static void collect(EObject object, List<Solution> solutions, List<Module> modules, List<Route> routes) {
		switch (object) {
			case Solution s -> solutions.add(s);
			case Module m -> modules.add(m);
			case Route r -> routes.add(r);
			default -> {
			}
		}
	}
}
