package io.edgestudio.dsl.validation;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.ELEMENT__NAME;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.SOLUTION__STORE_AND_FORWARD_TTL;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.SYSTEM_MODULE__SCHEMA_VERSION;

import io.edgestudio.dsl.edge.EdgeAgent;
import io.edgestudio.dsl.edge.EdgeHub;
import io.edgestudio.dsl.edge.Solution;
import java.util.List;
import org.eclipse.xtext.validation.Check;

/**
 * Rules for the solution block: one per solution, the manifest's module limit, schema versions
 * the IoT Edge runtime accepts, and the store-and-forward TTL.
 */
public class SolutionValidator extends EdgeCheckBase {

	/** Custom modules a deployment may hold besides edgeAgent and edgeHub. */
	static final int MAX_MODULES = 50;
	/** Largest uint32, the limit of manifest TTLs and startup orders. */
	static final long MAX_UINT32 = 4294967295L;

	private static final List<String> AGENT_SCHEMAS = List.of("1.0", "1.1");
	private static final List<String> HUB_SCHEMAS = List.of("1.0", "1.1", "1.2", "1.3");

	@Check
	public void checkSingleSolution(Solution block) {
		if (solution(block).solutions().size() > 1) {
			error("Only one solution block is allowed per solution; move these settings into the other one.",
					ELEMENT__NAME, IssueCodes.DUPLICATE_SOLUTION);
		}
	}

	@Check
	public void checkModuleCount(Solution block) {
		int count = solution(block).modules().size();
		if (count > MAX_MODULES) {
			error("This solution has " + count + " modules; a deployment holds at most " + MAX_MODULES
					+ " besides edgeAgent and edgeHub. Split it into layered deployments.",
					ELEMENT__NAME, IssueCodes.TOO_MANY_MODULES);
		}
	}

	@Check
	public void checkAgentSchemaVersion(EdgeAgent agent) {
		String version = agent.getSchemaVersion();
		if (version != null && !AGENT_SCHEMAS.contains(version)) {
			error("edgeAgent schema version must be one of " + AGENT_SCHEMAS + " (the runtime rejects others).",
					SYSTEM_MODULE__SCHEMA_VERSION, IssueCodes.UNSUPPORTED_SCHEMA_VERSION);
		}
	}

	@Check
	public void checkHubSchemaVersion(EdgeHub hub) {
		String version = hub.getSchemaVersion();
		if (version != null && !HUB_SCHEMAS.contains(version)) {
			error("edgeHub schema version must be one of " + HUB_SCHEMAS + " (the runtime rejects others).",
					SYSTEM_MODULE__SCHEMA_VERSION, IssueCodes.UNSUPPORTED_SCHEMA_VERSION);
		}
	}

	@Check
	public void checkStoreAndForwardTtl(Solution block) {
		Long ttl = block.getStoreAndForwardTtl();
		if (ttl != null && ttl > MAX_UINT32) {
			error("Store-and-forward TTL must be at most " + MAX_UINT32 + " seconds.",
					SOLUTION__STORE_AND_FORWARD_TTL, IssueCodes.INVALID_TTL);
		}
	}
}
