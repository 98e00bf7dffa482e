package io.edgestudio.dsl.ide.hover;

import com.google.inject.Inject;
import io.edgestudio.dsl.edge.ModuleSink;
import io.edgestudio.dsl.edge.ModuleSource;
import io.edgestudio.dsl.edge.Port;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.edge.RouteSink;
import io.edgestudio.dsl.edge.RouteSource;
import io.edgestudio.dsl.edge.Solution;
import io.edgestudio.dsl.generator.EdgeHubSection;
import io.edgestudio.dsl.model.SolutionIndex;
import io.edgestudio.dsl.model.SolutionView;
import java.util.List;
import java.util.Objects;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverContext;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Hovers show what an element means to the IoT Edge runtime, above its documentation comment: for a
 * route the edgeHub route string it compiles to (for one written as an edgeHub string, what that string
 * takes and where it delivers, read by the route language engine), its priority and ttl; for a port its
 * direction and message type. A route's hover shows anywhere over the route, not only over its name.
 */
public class EdgeHoverService extends HoverService {

	@Inject
	private SolutionIndex solutionIndex;

	@Override
	protected HoverContext createContext(Document document, XtextResource resource, int offset) {
		HoverContext context = super.createContext(document, resource, offset);
		if (context == null || context.getRegion().contains(offset) || !(context.getElement() instanceof Route route)) {
			return context;
		}
		ICompositeNode node = NodeModelUtils.findActualNodeFor(route);
		return node == null ? context
				: new HoverContext(document, resource, offset, node.getTextRegion(), route);
	}

	@Override
	public String getContents(EObject element) {
		String documentation = super.getContents(element);
		String summary = summary(element);
		if (summary == null) {
			return documentation;
		}
		return documentation.isEmpty() ? summary : summary + "\n\n" + documentation;
	}

	private String summary(EObject element) {
		if (element instanceof Port port) {
			return port(port);
		}
		Route route = element instanceof Route r ? r
				: (element instanceof RouteSource || element instanceof RouteSink) && element.eContainer() instanceof Route r ? r : null;
		return route == null ? null : route(route);
	}

	/** The route's summary; for a typed route nothing while a reference in it is unresolved (the generator would not run). */
	private String route(Route route) {
		if (route.getEdgeHubRoute() != null) {
			SolutionView solution = solutionIndex.view(route);
			return new RouteSummary(solution.modules(), storeAndForwardTtl(solution)).edgeHub(route);
		}
		if (!resolved(route.getSource()) || !resolved(route.getSink())) {
			return null;
		}
		return new RouteSummary(List.of(), storeAndForwardTtl(solutionIndex.view(route))).typed(route);
	}

	private static long storeAndForwardTtl(SolutionView solution) {
		return solution.solutions().stream().map(Solution::getStoreAndForwardTtl).filter(Objects::nonNull).findFirst()
				.orElse(EdgeHubSection.DEFAULT_TTL_SECS);
	}

	static String port(Port port) {
		return port.getDirection().getLiteral() + " `" + port.getName() + "`: " + messageType(port);
	}

	/** A port's message type as hovers name it. */
	static String messageType(Port port) {
		return port.getType() == null ? "any message (untyped)"
				: port.getType().eIsProxy() ? "an unknown message type" : "`" + port.getType().getName() + "`";
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
