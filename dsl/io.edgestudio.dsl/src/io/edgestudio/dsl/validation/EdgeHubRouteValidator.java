package io.edgestudio.dsl.validation;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.ROUTE__EDGE_HUB_ROUTE;

import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.model.StringLiteralOffsets;
import io.edgestudio.routes.RouteLanguage;
import io.edgestudio.routes.RouteLanguageException;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

/**
 * Routes written as edgeHub route strings ({@code route R: "FROM ... INTO ..."}): parsed by the same route
 * language engine as the local edge runtime, errors placed on the exact characters inside the string.
 */
public class EdgeHubRouteValidator extends EdgeCheckBase {

	@Check
	public void checkEdgeHubRoute(Route route) {
		if (route.getEdgeHubRoute() == null) {
			return;
		}
		try {
			RouteLanguage.parseRoute(route.getEdgeHubRoute());
		} catch (RouteLanguageException e) {
			INode node = NodeModelUtils.findNodesForFeature(route, ROUTE__EDGE_HUB_ROUTE).get(0);
			StringLiteralOffsets offsets = new StringLiteralOffsets(node.getText());
			int start = offsets.sourceOffset(e.offset());
			int end = offsets.sourceOffset(e.offset() + Math.max(1, e.length()));
			acceptError("Route: " + e.reason() + ".", route, node.getOffset() + start, Math.max(1, end - start),
					IssueCodes.INVALID_ROUTE);
		}
	}
}
