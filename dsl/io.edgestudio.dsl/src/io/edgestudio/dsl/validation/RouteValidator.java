package io.edgestudio.dsl.validation;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE_SINK__INPUT;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE_SOURCE__OUTPUT;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.ROUTE__PRIORITY;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.ROUTE__SINK;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.ROUTE__TTL;

import io.edgestudio.dsl.edge.MessageType;
import io.edgestudio.dsl.edge.ModuleSink;
import io.edgestudio.dsl.edge.ModuleSource;
import io.edgestudio.dsl.edge.Port;
import io.edgestudio.dsl.edge.PortDirection;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.model.MessageTypes;
import org.eclipse.xtext.validation.Check;

/**
 * A single route: its values, and that it connects an output to an input of fitting types.
 */
public class RouteValidator extends EdgeCheckBase {

	@Check
	public void checkPriority(Route route) {
		Integer priority = route.getPriority();
		if (priority != null && (priority < 0 || priority > 9)) {
			error("Route priority must be between 0 (highest) and 9 (lowest).", ROUTE__PRIORITY, IssueCodes.INVALID_PRIORITY);
		}
	}

	@Check
	public void checkTtl(Route route) {
		Long ttl = route.getTtl();
		if (ttl != null && (ttl < 0 || ttl > SolutionValidator.MAX_UINT32)) {
			error("Route TTL must be between 0 (use the store-and-forward TTL) and " + SolutionValidator.MAX_UINT32 + " seconds.",
					ROUTE__TTL, IssueCodes.INVALID_TTL);
		}
	}

	@Check
	public void checkSourceIsOutput(ModuleSource source) {
		Port port = source.getOutput();
		if (resolved(port) && port.getDirection() != PortDirection.OUTPUT) {
			error("'" + port.getName() + "' is an input of '" + source.getModule().getName()
					+ "': a route reads from an output.", MODULE_SOURCE__OUTPUT, IssueCodes.SOURCE_IS_INPUT);
		}
	}

	@Check
	public void checkSinkIsInput(ModuleSink sink) {
		Port port = sink.getInput();
		if (resolved(port) && port.getDirection() != PortDirection.INPUT) {
			error("'" + port.getName() + "' is an output of '" + sink.getModule().getName()
					+ "': a route delivers to an input.", MODULE_SINK__INPUT, IssueCodes.SINK_IS_OUTPUT);
		}
	}

	/** Wildcard sources and $upstream carry any message, so only port-to-port routes are typed. */
	@Check
	public void checkMessageTypesFit(Route route) {
		if (!(route.getSource() instanceof ModuleSource source) || !(route.getSink() instanceof ModuleSink sink)
				|| !resolved(source.getOutput()) || !resolved(sink.getInput())) {
			return;
		}
		MessageType produced = source.getOutput().getType();
		MessageType expected = sink.getInput().getType();
		if (produced == null || expected == null || produced.eIsProxy() || expected.eIsProxy()) {
			return;
		}
		MessageTypes.firstMismatch(produced, expected).ifPresent(field -> error(
				"'" + source.getOutput().getName() + "' sends " + produced.getName() + " but '" + sink.getInput().getName()
						+ "' reads " + expected.getName() + ", whose field '" + field.getName()
						+ "' it does not provide with the same type. Route a compatible output or align the schemas.",
				ROUTE__SINK, IssueCodes.INCOMPATIBLE_MESSAGE_TYPE));
	}

	private static boolean resolved(Port port) {
		return port != null && !port.eIsProxy();
	}
}
