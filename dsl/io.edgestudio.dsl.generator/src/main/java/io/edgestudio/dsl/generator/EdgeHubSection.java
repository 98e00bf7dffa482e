package io.edgestudio.dsl.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.dsl.edge.EdgeHub;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.edge.Solution;
import java.util.List;

/**
 * {@code $edgeHub.properties.desired}: schema version, routes as {@code {route, priority, timeToLiveSecs}}
 * objects (plain strings for schema 1.0, which knows no others) and the store-and-forward time to live.
 */
public final class EdgeHubSection {

	/** edgeHub schema version when the solution gives none. */
	public static final String DEFAULT_SCHEMA = "1.2";
	/** The edgeHub schema whose routes are strings, not objects. */
	static final String SCHEMA_WITH_STRING_ROUTES = "1.0";
	/** Store-and-forward time to live when the solution gives none, as in the tooling's templates. */
	public static final long DEFAULT_TTL_SECS = 7200;

	private EdgeHubSection() {
	}

	/** The desired properties of edgeHub. */
	public static ObjectNode of(EdgeSolution edge) {
		Solution solution = edge.solution();
		EdgeHub hub = solution.getEdgeHub();
		ObjectNode desired = ManifestJson.object();
		desired.put("schemaVersion", hub == null || hub.getSchemaVersion() == null ? DEFAULT_SCHEMA : hub.getSchemaVersion());
		String schema = desired.get("schemaVersion").textValue();
		desired.set("routes", SCHEMA_WITH_STRING_ROUTES.equals(schema) ? routeStrings(edge.routes()) : routes(edge.routes()));
		Long ttl = solution.getStoreAndForwardTtl();
		desired.putObject("storeAndForwardConfiguration").put("timeToLiveSecs", ttl == null ? DEFAULT_TTL_SECS : ttl);
		return desired;
	}

	/** Routes by name as plain strings, the only form edgeHub schema 1.0 reads; priority and TTL need 1.1. */
	public static ObjectNode routeStrings(List<Route> routes) {
		ObjectNode node = ManifestJson.object();
		for (Route route : routes) {
			if (route.getPriority() != null || route.getTtl() != null) {
				throw new GeneratorException("route " + route.getName() + " has a priority or ttl, which edgeHub schema "
						+ SCHEMA_WITH_STRING_ROUTES + " cannot carry: use schema \"1.1\" or later");
			}
			node.put(route.getName(), RouteStrings.of(route));
		}
		return node;
	}

	/** Routes by name, in declaration order. */
	public static ObjectNode routes(List<Route> routes) {
		ObjectNode node = ManifestJson.object();
		for (Route route : routes) {
			node.set(route.getName(), route(route));
		}
		return node;
	}

	/** One route object; priority and time to live only when the route gives them. */
	public static ObjectNode route(Route route) {
		ObjectNode node = ManifestJson.object();
		node.put("route", RouteStrings.of(route));
		if (route.getPriority() != null) {
			node.put("priority", route.getPriority().intValue());
		}
		if (route.getTtl() != null) {
			node.put("timeToLiveSecs", route.getTtl().longValue());
		}
		return node;
	}
}
