package io.edgestudio.dsl.generator.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/** What an import found, in .edge terms; {@link EdgeWriter} writes it as text. Names are already valid .edge names. */
final class ImportModel {

	private ImportModel() {
	}

	record Solution(String name, List<Registry> registries, Long storeAndForwardTtl, SystemModule edgeAgent,
			SystemModule edgeHub, List<Twin> twins, List<Module> modules, List<Route> routes) {
	}

	/** A registry whose credentials come from two environment variables. */
	record Registry(String name, String address, String usernameVariable, String passwordVariable) {
	}

	/** edgeAgent or edgeHub: {@code version} or {@code image}, schema when not the default, env, createOptions or null. */
	record SystemModule(String version, String image, String schema, List<Env> env, ObjectNode createOptions) {
	}

	/** An environment variable; the value is a string, number or boolean node. */
	record Env(String name, JsonNode value) {
	}

	/**
	 * A module. Ports are collected from the routes (insertion-ordered sets); createOptions is what remains of
	 * the JSON after the structured forms, null when nothing does. Null settings are IoT Edge's defaults.
	 */
	record Module(String name, String image, String version, Set<String> inputs, Set<String> outputs, String twin,
			List<Env> env, ObjectNode createOptions, List<PortBinding> ports, List<BindMount> binds, List<Device> devices,
			boolean privileged, String restartPolicy, String status, Long startupOrder, String imagePullPolicy) {

		Module withTwin(String twinName) {
			return new Module(name, image, version, inputs, outputs, twinName, env, createOptions, ports, binds, devices,
					privileged, restartPolicy, status, startupOrder, imagePullPolicy);
		}
	}

	record PortBinding(int hostPort, int containerPort, boolean udp) {
	}

	record BindMount(String hostPath, String containerPath, boolean readOnly) {
	}

	record Device(String hostPath, String containerPath) {
	}

	/** A typed route ({@code source}, {@code sink}, maybe {@code condition}) or an {@code edgeHubRoute} string. */
	record Route(String name, String source, String sink, String condition, String edgeHubRoute, Integer priority, Long ttl) {
	}

	/** A twin schema whose desired members and defaults are inferred from a module's desired properties. */
	record Twin(String name, ObjectNode desired) {
	}
}
