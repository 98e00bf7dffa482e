package io.edgestudio.dsl.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.dsl.edge.EdgeAgent;
import io.edgestudio.dsl.edge.EdgeHub;
import io.edgestudio.dsl.edge.JsonObject;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Registry;
import io.edgestudio.dsl.edge.Solution;
import io.edgestudio.dsl.model.CreateOptions;
import io.edgestudio.dsl.model.Json;
import java.util.List;

/**
 * {@code $edgeAgent.properties.desired}: schema version, Docker runtime with registry credentials as
 * {@code $VAR} placeholders, the system modules and every module of the solution.
 */
public final class EdgeAgentSection {

	/** edgeAgent schema version when the solution gives none. */
	public static final String DEFAULT_SCHEMA = "1.1";
	/** Runtime image version when the solution gives none. */
	public static final String DEFAULT_RUNTIME_VERSION = "1.5";
	/** edgeHub's createOptions when the solution gives none: AMQP, MQTT and HTTPS published, as in the tooling's scaffold. */
	public static final String DEFAULT_HUB_OPTIONS = "{\"HostConfig\":{\"PortBindings\":{\"5671/tcp\":[{\"HostPort\":\"5671\"}],"
			+ "\"8883/tcp\":[{\"HostPort\":\"8883\"}],\"443/tcp\":[{\"HostPort\":\"443\"}]}}}";

	private EdgeAgentSection() {
	}

	/** The desired properties of edgeAgent for a variant. */
	public static ObjectNode of(EdgeSolution edge, Variant variant) {
		Solution solution = edge.solution();
		EdgeAgent agent = solution.getEdgeAgent();
		ObjectNode desired = ManifestJson.object();
		desired.put("schemaVersion", agent == null || agent.getSchemaVersion() == null ? DEFAULT_SCHEMA : agent.getSchemaVersion());
		desired.set("runtime", runtime(solution.getRegistries()));
		ObjectNode system = desired.putObject("systemModules");
		system.set("edgeAgent", edgeAgent(agent));
		system.set("edgeHub", edgeHub(solution.getEdgeHub()));
		ObjectNode modules = desired.putObject("modules");
		for (Module module : edge.modules()) {
			modules.set(module.getName(), ModuleSection.of(module, solution, variant));
		}
		return desired;
	}

	/** The Docker runtime; registries without credentials (a local registry) need no entry. */
	static ObjectNode runtime(List<Registry> registries) {
		ObjectNode runtime = ManifestJson.object();
		runtime.put("type", "docker");
		ObjectNode settings = runtime.putObject("settings");
		settings.put("minDockerVersion", "v1.25");
		settings.put("loggingOptions", "");
		ObjectNode credentials = settings.putObject("registryCredentials");
		for (Registry registry : registries) {
			if (registry.getUsernameVariable() != null) {
				ObjectNode credential = credentials.putObject(registry.getName());
				credential.put("username", "$" + registry.getUsernameVariable());
				credential.put("password", "$" + registry.getPasswordVariable());
				credential.put("address", registry.getAddress());
			}
		}
		return runtime;
	}

	static ObjectNode edgeAgent(EdgeAgent agent) {
		ObjectNode node = ManifestJson.object();
		node.put("type", "docker");
		String image = agent == null ? null : agent.getImage();
		String version = agent == null ? null : agent.getVersion();
		node.set("settings", ModuleSection.settings(systemImage("agent", image, version),
				options(agent == null ? null : agent.getCreateOptions(), "{}"), "edgeAgent"));
		if (agent != null && !agent.getEnv().isEmpty()) {
			node.set("env", ModuleSection.env(agent.getEnv()));
		}
		return node;
	}

	static ObjectNode edgeHub(EdgeHub hub) {
		ObjectNode node = ManifestJson.object();
		node.put("type", "docker");
		node.put("status", "running");
		node.put("restartPolicy", "always");
		String image = hub == null ? null : hub.getImage();
		String version = hub == null ? null : hub.getVersion();
		node.set("settings", ModuleSection.settings(systemImage("hub", image, version),
				options(hub == null ? null : hub.getCreateOptions(), DEFAULT_HUB_OPTIONS), "edgeHub"));
		if (hub != null && !hub.getEnv().isEmpty()) {
			node.set("env", ModuleSection.env(hub.getEnv()));
		}
		return node;
	}

	/** {@code mcr.microsoft.com/azureiotedge-<kind>:<version>} unless the solution names an image. */
	static String systemImage(String kind, String image, String version) {
		if (image != null) {
			return image;
		}
		return "mcr.microsoft.com/azureiotedge-" + kind + ":" + (version == null ? DEFAULT_RUNTIME_VERSION : version);
	}

	private static String options(JsonObject options, String fallback) {
		return options == null ? fallback : Json.write(CreateOptions.toMap(options));
	}
}
