package io.edgestudio.dsl.validation;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE__STARTUP_ORDER;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.ROUTE__PRIORITY;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.ROUTE__TTL;

import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.edge.Solution;
import io.edgestudio.dsl.edge.SystemModule;
import java.util.function.Function;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

/**
 * Settings that only newer manifest schemas carry: route priority and TTL need edgeHub schema 1.1
 * (route objects), startupOrder needs edgeAgent schema 1.1. The schemas default to those the
 * generator writes (agent 1.1, hub 1.2).
 */
public class SchemaVersionValidator extends EdgeCheckBase {

	/** The edgeAgent schema a solution gets when it does not choose one. */
	public static final String DEFAULT_AGENT_SCHEMA = "1.1";
	/** The edgeHub schema a solution gets when it does not choose one. */
	public static final String DEFAULT_HUB_SCHEMA = "1.2";

	@Check
	public void checkRouteOptionsNeedHubSchema(Route route) {
		if (route.getPriority() == null && route.getTtl() == null) {
			return;
		}
		String schema = schemaOf(route, Solution::getEdgeHub, DEFAULT_HUB_SCHEMA);
		if (!isBefore11(schema)) {
			return;
		}
		String hint = " needs edgeHub schema 1.1 or later (route objects); this solution's edgeHub uses schema " + schema
				+ ". Set 'schema \"" + DEFAULT_HUB_SCHEMA + "\"' in its edgeHub block, or remove the ";
		if (route.getPriority() != null) {
			error("Route priority" + hint + "priority.", ROUTE__PRIORITY, IssueCodes.ROUTE_OPTIONS_NEED_HUB_SCHEMA);
		}
		if (route.getTtl() != null) {
			error("Route ttl" + hint + "ttl.", ROUTE__TTL, IssueCodes.ROUTE_OPTIONS_NEED_HUB_SCHEMA);
		}
	}

	@Check
	public void checkStartupOrderNeedsAgentSchema(Module module) {
		if (module.getStartupOrder() == null) {
			return;
		}
		String schema = schemaOf(module, Solution::getEdgeAgent, DEFAULT_AGENT_SCHEMA);
		if (isBefore11(schema)) {
			error("startupOrder needs edgeAgent schema 1.1 or later; this solution's edgeAgent uses schema " + schema
					+ ". Set 'schema \"" + DEFAULT_AGENT_SCHEMA + "\"' in its edgeAgent block, or remove startupOrder.",
					MODULE__STARTUP_ORDER, IssueCodes.STARTUP_ORDER_NEEDS_AGENT_SCHEMA);
		}
	}

	/** The schema version the solution's block chooses, or the default. */
	private String schemaOf(EObject context, Function<Solution, SystemModule> block, String defaultVersion) {
		return solution(context).solutions().stream()
				.map(block)
				.filter(system -> system != null && system.getSchemaVersion() != null)
				.map(SystemModule::getSchemaVersion)
				.findFirst().orElse(defaultVersion);
	}

	/** Whether a 1.x version is 1.0 ({@code "1.0"}, {@code "1.0.0"}); unsupported versions are reported elsewhere. */
	static boolean isBefore11(String version) {
		String[] parts = version.split("\\.");
		return parts.length >= 2 && parts[0].equals("1") && parts[1].equals("0");
	}
}
