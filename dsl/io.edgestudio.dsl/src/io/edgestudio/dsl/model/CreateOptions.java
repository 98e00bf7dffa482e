package io.edgestudio.dsl.model;

import io.edgestudio.dsl.edge.Bind;
import io.edgestudio.dsl.edge.BooleanLiteral;
import io.edgestudio.dsl.edge.DeviceMapping;
import io.edgestudio.dsl.edge.JsonArray;
import io.edgestudio.dsl.edge.JsonMember;
import io.edgestudio.dsl.edge.JsonObject;
import io.edgestudio.dsl.edge.JsonValue;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.NumberLiteral;
import io.edgestudio.dsl.edge.PortBinding;
import io.edgestudio.dsl.edge.Protocol;
import io.edgestudio.dsl.edge.StringLiteral;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's Docker createOptions as the manifest carries them: the JSON object literal merged with
 * the structured forms ({@code port}, {@code bind}, {@code device}, {@code privileged}), serialized
 * compactly. The manifest splits that string into 512-character chunks.
 */
public final class CreateOptions {

	/** Characters per manifest chunk (edgeAgent's TwinValueMaxSize). */
	public static final int CHUNK_SIZE = 512;
	/** Chunks the IoT Edge tooling generates at most (createOptions, createOptions01..07). */
	public static final int MAX_CHUNKS = 8;

	private CreateOptions() {
	}

	/** The merged createOptions of a module as a JSON tree of maps, lists and scalars. */
	public static Map<String, Object> of(Module module) {
		Map<String, Object> root = module.getCreateOptions() == null
				? new LinkedHashMap<>() : toMap(module.getCreateOptions());
		Map<String, Object> hostConfig = child(root, "HostConfig");
		for (PortBinding binding : module.getPublishedPorts()) {
			String key = binding.getContainerPort() + "/" + (binding.getProtocol() == Protocol.UDP ? "udp" : "tcp");
			child(root, "ExposedPorts").put(key, new LinkedHashMap<>());
			Map<String, Object> hostPort = new LinkedHashMap<>(Map.of("HostPort", Integer.toString(binding.getHostPort())));
			list(child(hostConfig, "PortBindings"), key).add(hostPort);
		}
		for (Bind bind : module.getBinds()) {
			list(hostConfig, "Binds").add(bind.getHostPath() + ":" + bind.getContainerPath() + (bind.isReadOnly() ? ":ro" : ""));
		}
		for (DeviceMapping device : module.getDevices()) {
			Map<String, Object> mapping = new LinkedHashMap<>();
			mapping.put("PathOnHost", device.getHostPath());
			mapping.put("PathInContainer", device.getContainerPath() == null ? device.getHostPath() : device.getContainerPath());
			mapping.put("CgroupPermissions", "rwm");
			list(hostConfig, "Devices").add(mapping);
		}
		if (module.isPrivileged()) {
			hostConfig.put("Privileged", Boolean.TRUE);
		}
		if (hostConfig.isEmpty()) {
			root.remove("HostConfig");
		}
		return root;
	}

	/** The compact JSON text of a module's merged createOptions ({@code ""} when there are none). */
	public static String serialize(Module module) {
		Map<String, Object> options = of(module);
		return options.isEmpty() ? "" : Json.write(options);
	}

	/** The JSON tree of an object literal; a repeated key keeps its last value, as JSON parsers do. */
	public static Map<String, Object> toMap(JsonObject object) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (JsonMember member : object.getMembers()) {
			map.put(member.getKey(), toValue(member.getValue()));
		}
		return map;
	}

	private static Object toValue(JsonValue value) {
		return switch (value) {
			case JsonObject o -> toMap(o);
			case JsonArray a -> new ArrayList<>(a.getValues().stream().map(CreateOptions::toValue).toList());
			case StringLiteral s -> s.getValue();
			case NumberLiteral n -> n.getValue();
			case BooleanLiteral b -> b.isValue();
			case null, default -> null;
		};
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> child(Map<String, Object> parent, String key) {
		Object existing = parent.get(key);
		if (existing instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		Map<String, Object> created = new LinkedHashMap<>();
		parent.put(key, created);
		return created;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Map<String, Object> parent, String key) {
		Object existing = parent.get(key);
		if (existing instanceof List<?> list) {
			return (List<Object>) list;
		}
		List<Object> created = new ArrayList<>();
		parent.put(key, created);
		return created;
	}
}
