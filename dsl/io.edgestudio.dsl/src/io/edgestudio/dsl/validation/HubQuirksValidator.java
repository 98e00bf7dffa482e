package io.edgestudio.dsl.validation;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.ELEMENT__NAME;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.PORT__NAME;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.ROUTE__TTL;

import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Port;
import io.edgestudio.dsl.edge.PortDirection;
import io.edgestudio.dsl.edge.Route;
import org.eclipse.xtext.validation.Check;

/**
 * Warnings about edgeHub behaviour that valid manifests run into: it matches route sources without
 * regard to case, and it reads a route TTL of 0 as "use the store-and-forward TTL".
 */
public class HubQuirksValidator extends EdgeCheckBase {

	@Check
	public void checkModuleNamesDifferInCase(Module module) {
		if (solution(module).moduleNamesLike(module.getName()) < 2) {
			return;
		}
		solution(module).modules().stream()
				.filter(other -> other.getName() != null && !other.getName().equals(module.getName())
						&& other.getName().equalsIgnoreCase(module.getName()))
				.findFirst()
				.ifPresent(other -> warning("edgeHub matches route sources without regard to case, so routes from '"
						+ module.getName() + "' also take the messages of '" + other.getName()
						+ "'. Rename one of the modules.", ELEMENT__NAME, IssueCodes.MODULE_NAMES_DIFFER_IN_CASE));
	}

	@Check
	public void checkOutputNamesDifferInCase(Port port) {
		if (port.getDirection() != PortDirection.OUTPUT || port.getName() == null) {
			return;
		}
		((Module) port.eContainer()).getPorts().stream()
				.filter(other -> other.getDirection() == PortDirection.OUTPUT && other.getName() != null
						&& !other.getName().equals(port.getName()) && other.getName().equalsIgnoreCase(port.getName()))
				.findFirst()
				.ifPresent(other -> warning("edgeHub matches route sources without regard to case, so routes from output '"
						+ port.getName() + "' also take the messages of '" + other.getName() + "'. Rename one of the outputs.",
						PORT__NAME, IssueCodes.OUTPUT_NAMES_DIFFER_IN_CASE));
	}

	@Check
	public void checkRouteTtlZero(Route route) {
		if (route.getTtl() != null && route.getTtl() == 0) {
			warning("edgeHub reads a route ttl of 0 as 'use the store-and-forward TTL', not 'keep no messages': "
					+ "remove it, or give the seconds messages of this route may wait.", ROUTE__TTL, IssueCodes.ROUTE_TTL_ZERO);
		}
	}
}
