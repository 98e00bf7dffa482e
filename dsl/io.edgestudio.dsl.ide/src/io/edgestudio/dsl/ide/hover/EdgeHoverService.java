package io.edgestudio.dsl.ide.hover;

import io.edgestudio.dsl.edge.ModuleSink;
import io.edgestudio.dsl.edge.ModuleSource;
import io.edgestudio.dsl.edge.Port;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.edge.RouteSink;
import io.edgestudio.dsl.edge.RouteSource;
import io.edgestudio.dsl.generator.RouteStrings;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.hover.HoverService;

/**
 * Hovers show what an element means to the IoT Edge runtime, above its documentation comment: for a
 * route the edgeHub route string it compiles to, for a port its direction and message type.
 */
public class EdgeHoverService extends HoverService {

	@Override
	public String getContents(EObject element) {
		String documentation = super.getContents(element);
		String summary = summary(element);
		if (summary == null) {
			return documentation;
		}
		return documentation.isEmpty() ? summary : summary + "\n\n" + documentation;
	}

	private static String summary(EObject element) {
		if (element instanceof Port port) {
			return port(port);
		}
		Route route = element instanceof Route r ? r
				: (element instanceof RouteSource || element instanceof RouteSink) && element.eContainer() instanceof Route r ? r : null;
		return route == null ? null : route(route);
	}

	/** The route string, or nothing while a reference in it is unresolved (the generator would not run). */
	static String route(Route route) {
		if (!resolved(route.getSource()) || !resolved(route.getSink())) {
			return null;
		}
		return "edgeHub route:\n\n```\n" + RouteStrings.of(route) + "\n```";
	}

	static String port(Port port) {
		String type = port.getType() == null ? "any message (untyped)"
				: port.getType().eIsProxy() ? "an unknown message type" : "`" + port.getType().getName() + "`";
		return port.getDirection().getLiteral() + " `" + port.getName() + "`: " + type;
	}

	private static boolean resolved(EObject end) {
		if (end instanceof ModuleSource source) {
			return isResolved(source.getModule()) && (source.isAllOutputs() || isResolved(source.getOutput()));
		}
		if (end instanceof ModuleSink sink) {
			return isResolved(sink.getModule()) && isResolved(sink.getInput());
		}
		return end != null;
	}

	private static boolean isResolved(EObject object) {
		return object != null && !object.eIsProxy();
	}
}
