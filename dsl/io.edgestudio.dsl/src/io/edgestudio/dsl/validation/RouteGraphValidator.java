package io.edgestudio.dsl.validation;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.ELEMENT__NAME;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.PORT__NAME;

import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Port;
import io.edgestudio.dsl.edge.PortDirection;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.model.RouteGraph;
import java.util.stream.Collectors;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

/**
 * Warnings about how the routes of the whole solution connect its modules: likely mistakes that
 * edgeHub would accept silently.
 */
public class RouteGraphValidator extends EdgeCheckBase {

	private RouteGraph graph(EObject context) {
		return solution(context).graph();
	}

	@Check
	public void checkInputRouted(Port port) {
		if (port.getDirection() == PortDirection.INPUT && !graph(port).isFed(port)) {
			warning("No route delivers to input '" + port.getName() + "': add a route to it or remove it.",
					PORT__NAME, IssueCodes.UNROUTED_INPUT);
		}
	}

	@Check
	public void checkOutputRouted(Port port) {
		if (port.getDirection() == PortDirection.OUTPUT && !graph(port).isRouted(port)) {
			warning("Nothing is routed from output '" + port.getName() + "': its messages are dropped. Add a route from it.",
					PORT__NAME, IssueCodes.UNROUTED_OUTPUT);
		}
	}

	@Check
	public void checkModuleConnected(Module module) {
		if (!graph(module).isConnected(module)) {
			warning("No route reads from or delivers to module '" + module.getName() + "': it is cut off from the solution.",
					ELEMENT__NAME, IssueCodes.UNREACHABLE_MODULE);
		}
	}

	@Check
	public void checkRoutingCycle(Route route) {
		graph(route).cycleThrough(route).ifPresent(path -> warning(
				"Route '" + route.getName() + "' closes a routing cycle (" + path.getLast().getName() + " -> "
						+ path.stream().map(Module::getName).collect(Collectors.joining(" -> "))
						+ "): messages may circulate forever unless a condition stops them.",
				ELEMENT__NAME, IssueCodes.ROUTING_CYCLE));
	}

	@Check
	public void checkDuplicateRoute(Route route) {
		graph(route).earlierDuplicate(route).ifPresent(first -> warning(
				"Route '" + route.getName() + "' has the same source, sink and condition as '" + first.getName()
						+ "': every message would be delivered twice. Remove one.",
				ELEMENT__NAME, IssueCodes.DUPLICATE_ROUTE));
	}
}
