package io.edgestudio.dsl.generator.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.dsl.generator.importer.ImportModel.BindMount;
import io.edgestudio.dsl.generator.importer.ImportModel.Device;
import io.edgestudio.dsl.generator.importer.ImportModel.PortBinding;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module's createOptions: a template's object, or a final manifest's string split into {@code createOptions},
 * {@code createOptions01}, ... chunks, as one JSON object; and the parts of it that .edge writes in structured form
 * ({@code port}, {@code bind}, {@code device}, {@code privileged}). A part moves to the structured form only when
 * the generator turns that form back into the same JSON, otherwise it stays in the object literal.
 */
final class CreateOptionsImport {

	/** Chunk keys; edgeAgent matches them ignoring case. */
	static final Pattern CHUNK_KEY = Pattern.compile("(?i)createoptions([0-9]*)");
	private static final Pattern PORT_KEY = Pattern.compile("([0-9]{1,5})/(tcp|udp)");
	private static final Pattern HOST_PORT = Pattern.compile("[0-9]{1,5}");

	/** The structured forms taken out of createOptions, and the rest (null when nothing remains). */
	record Structured(ObjectNode rest, List<PortBinding> ports, List<BindMount> binds, List<Device> devices, boolean privileged) {
	}

	private CreateOptionsImport() {
	}

	/** Whether a settings key is a createOptions chunk. */
	static boolean isChunk(String key) {
		return CHUNK_KEY.matcher(key).matches();
	}

	/** The createOptions of a {@code settings} object as a JSON object, empty when absent or blank. */
	static ObjectNode read(JsonNode settings, String pointer) {
		TreeMap<Integer, Map.Entry<String, JsonNode>> chunks = new TreeMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> field = it.next();
			Matcher matcher = CHUNK_KEY.matcher(field.getKey());
			if (matcher.matches()) {
				int index = matcher.group(1).isEmpty() ? 0 : Integer.parseInt(matcher.group(1));
				if (chunks.put(index, field) != null) {
					throw new ImportException(ImportLog.child(pointer, field.getKey()), "createOptions chunk " + index + " appears twice");
				}
			}
		}
		if (chunks.isEmpty()) {
			return ManifestParser.MAPPER.createObjectNode();
		}
		Map.Entry<String, JsonNode> first = chunks.firstEntry().getValue();
		if (first.getValue().isObject()) {
			if (chunks.size() > 1) {
				throw new ImportException(ImportLog.child(pointer, first.getKey()), "an object createOptions cannot have further chunks");
			}
			return (ObjectNode) first.getValue().deepCopy();
		}
		StringBuilder text = new StringBuilder();
		int expected = 0;
		for (Map.Entry<Integer, Map.Entry<String, JsonNode>> chunk : chunks.entrySet()) {
			String at = ImportLog.child(pointer, chunk.getValue().getKey());
			if (chunk.getKey() != expected) {
				throw new ImportException(at, "createOptions chunks must be numbered without gaps (createOptions, createOptions01, ...); "
						+ "expected chunk " + expected);
			}
			if (!chunk.getValue().getValue().isTextual()) {
				throw new ImportException(at, "a createOptions chunk must be a string (or, alone, an object)");
			}
			text.append(chunk.getValue().getValue().textValue());
			expected++;
		}
		String joined = text.toString();
		if (joined.isBlank()) {
			return ManifestParser.MAPPER.createObjectNode();
		}
		String at = ImportLog.child(pointer, first.getKey());
		JsonNode parsed = ManifestParser.parse(joined, at);
		if (!parsed.isObject()) {
			throw new ImportException(at, "createOptions must hold a JSON object");
		}
		return (ObjectNode) parsed;
	}

	/** Takes the structured forms out of a module's createOptions (the argument is not changed). */
	static Structured structure(ObjectNode options) {
		ObjectNode rest = options.deepCopy();
		ObjectNode hostConfig = rest.get("HostConfig") instanceof ObjectNode h ? h : null;
		List<PortBinding> ports = hostConfig == null ? List.of() : ports(rest, hostConfig);
		List<BindMount> binds = hostConfig == null ? List.of() : binds(hostConfig);
		List<Device> devices = hostConfig == null ? List.of() : devices(hostConfig);
		boolean privileged = false;
		if (hostConfig != null && hostConfig.path("Privileged").isBoolean() && hostConfig.get("Privileged").booleanValue()) {
			hostConfig.remove("Privileged");
			privileged = true;
		}
		if (hostConfig != null && hostConfig.isEmpty()) {
			rest.remove("HostConfig");
		}
		return new Structured(rest.isEmpty() ? null : rest, ports, binds, devices, privileged);
	}

	/**
	 * {@code port h:c[/udp]} for {@code PortBindings} whose every entry is exactly {@code {"HostPort": "<n>"}}.
	 * The generator also exposes each published port, so matching {@code ExposedPorts} entries go too.
	 */
	private static List<PortBinding> ports(ObjectNode rest, ObjectNode hostConfig) {
		if (!(hostConfig.get("PortBindings") instanceof ObjectNode bindings) || bindings.isEmpty()
				|| rest.has("ExposedPorts") && !rest.get("ExposedPorts").isObject()) {
			return List.of();
		}
		List<PortBinding> ports = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = bindings.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> binding = it.next();
			Matcher key = PORT_KEY.matcher(binding.getKey());
			if (!key.matches() || !isPort(key.group(1)) || !(binding.getValue() instanceof ArrayNode hosts) || hosts.isEmpty()) {
				return List.of();
			}
			for (JsonNode host : hosts) {
				if (host.size() != 1 || !host.path("HostPort").isTextual() || !HOST_PORT.matcher(host.get("HostPort").textValue()).matches()
						|| !isPort(host.get("HostPort").textValue())) {
					return List.of();
				}
				ports.add(new PortBinding(Integer.parseInt(host.get("HostPort").textValue()), Integer.parseInt(key.group(1)),
						key.group(2).equals("udp")));
			}
		}
		hostConfig.remove("PortBindings");
		if (rest.get("ExposedPorts") instanceof ObjectNode exposed) {
			for (PortBinding port : ports) {
				String key = port.containerPort() + (port.udp() ? "/udp" : "/tcp");
				if (exposed.path(key).isObject() && exposed.get(key).isEmpty()) {
					exposed.remove(key);
				}
			}
			if (exposed.isEmpty()) {
				rest.remove("ExposedPorts");
			}
		}
		return ports;
	}

	private static boolean isPort(String digits) {
		int port = Integer.parseInt(digits);
		return port >= 1 && port <= 65535 && !digits.startsWith("0");
	}

	/** {@code bind h to c [readonly]} when every entry is {@code host:container} or {@code host:container:ro}. */
	private static List<BindMount> binds(ObjectNode hostConfig) {
		if (!(hostConfig.get("Binds") instanceof ArrayNode entries) || entries.isEmpty()) {
			return List.of();
		}
		List<BindMount> binds = new ArrayList<>();
		for (JsonNode entry : entries) {
			String[] parts = entry.isTextual() ? entry.textValue().split(":", -1) : new String[0];
			boolean valid = (parts.length == 2 || parts.length == 3 && parts[2].equals("ro"))
					&& !parts[0].isEmpty() && !parts[1].isEmpty();
			if (!valid) {
				return List.of();
			}
			binds.add(new BindMount(parts[0], parts[1], parts.length == 3));
		}
		hostConfig.remove("Binds");
		return binds;
	}

	/** {@code device h [to c]} when every entry is {@code {PathOnHost, PathInContainer, CgroupPermissions: "rwm"}}. */
	private static List<Device> devices(ObjectNode hostConfig) {
		if (!(hostConfig.get("Devices") instanceof ArrayNode entries) || entries.isEmpty()) {
			return List.of();
		}
		List<Device> devices = new ArrayList<>();
		for (JsonNode entry : entries) {
			boolean valid = entry.size() == 3 && entry.path("PathOnHost").isTextual() && entry.path("PathInContainer").isTextual()
					&& "rwm".equals(entry.path("CgroupPermissions").textValue());
			if (!valid) {
				return List.of();
			}
			devices.add(new Device(entry.get("PathOnHost").textValue(), entry.get("PathInContainer").textValue()));
		}
		hostConfig.remove("Devices");
		return devices;
	}
}
