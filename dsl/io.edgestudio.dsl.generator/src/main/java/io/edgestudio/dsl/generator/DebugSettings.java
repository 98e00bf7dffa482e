package io.edgestudio.dsl.generator;

import io.edgestudio.dsl.edge.Module;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a debug manifest adds to a Java module built from source: a JDWP agent listening on port 5005
 * (through {@code JAVA_TOOL_OPTIONS}, which every JVM reads) and that port published on the host.
 */
public final class DebugSettings {

	/** The JDWP port of Java modules in debug manifests. */
	public static final int JDWP_PORT = 5005;
	/** The JVM option that starts the JDWP agent without waiting for a debugger. */
	public static final String JDWP_OPTIONS = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:" + JDWP_PORT;
	/** The environment variable the JVM reads the agent option from. */
	public static final String JDWP_ENV = "JAVA_TOOL_OPTIONS";

	private DebugSettings() {
	}

	/** Whether a module gets the JDWP settings in a variant. */
	static boolean appliesTo(Module module, Variant variant) {
		return variant.debug() && ModuleImages.isBuilt(module) && "java".equals(module.getLanguage());
	}

	/** Adds the JDWP port to merged createOptions, keeping any binding the module already has. */
	@SuppressWarnings("unchecked")
	static void publishJdwpPort(Map<String, Object> options) {
		String key = JDWP_PORT + "/tcp";
		((Map<String, Object>) options.computeIfAbsent("ExposedPorts", k -> new LinkedHashMap<>()))
				.putIfAbsent(key, new LinkedHashMap<>());
		Map<String, Object> hostConfig = (Map<String, Object>) options.computeIfAbsent("HostConfig", k -> new LinkedHashMap<>());
		Map<String, Object> bindings = (Map<String, Object>) hostConfig.computeIfAbsent("PortBindings", k -> new LinkedHashMap<>());
		List<Object> hostPorts = new ArrayList<>();
		hostPorts.add(new LinkedHashMap<>(Map.of("HostPort", Integer.toString(JDWP_PORT))));
		bindings.putIfAbsent(key, hostPorts);
	}
}
