package io.edgestudio.dsl.generator.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.edgestudio.dsl.generator.ModuleSection;
import io.edgestudio.routes.RouteLanguage;
import io.edgestudio.routes.RouteLanguageException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Whether two deployment manifests deploy the same thing: compared as JSON trees after normalising what IoT Edge
 * reads alike.
 * <ul>
 * <li>Key order does not matter; numbers compare by value ({@code 1} = {@code 1.0}).</li>
 * <li>{@code $schema-template} is dropped; {@code {"content": {"modulesContent": ...}}} is unwrapped.</li>
 * <li>createOptions: a template's object, or the string chunks {@code createOptions}, {@code createOptions01}, ...
 * joined and parsed; {@code ""}, {@code "{}"} and a missing value are the same; a published port counts as exposed
 * (Docker exposes every port in {@code HostConfig.PortBindings}); an empty {@code HostConfig} or
 * {@code ExposedPorts} is no setting.</li>
 * <li>Placeholders: {@code ${NAME}} and {@code $NAME} are the same variable.</li>
 * <li>Registry credentials are keyed by name with placeholder braces removed ({@code ${GROUP}} = {@code GROUP}): the
 * name is only a label.</li>
 * <li>Defaults the runtime applies are filled in: module {@code version} "1.0" (the tooling's), {@code status}
 * running, {@code restartPolicy} always (modules and edgeHub), {@code minDockerVersion} v1.25, {@code loggingOptions}
 * "", {@code registryCredentials} {}.</li>
 * <li>Routes: a string is the object {@code {"route": ...}}; route strings compare parsed with edgeHub's grammar
 * (source path as edgeHub matches it, condition text with white space collapsed, sink), so keyword case, spacing and
 * {@code /messages} versus {@code /messages/*} do not matter.</li>
 * </ul>
 */
public final class ManifestComparison {

	/**
	 * One difference.
	 *
	 * @param pointer JSON pointer into the normalised manifests
	 * @param description what differs
	 */
	public record Difference(String pointer, String description) {
	}

	private ManifestComparison() {
	}

	/** The differences between an original manifest and one generated from its import; empty when equivalent. */
	public static List<Difference> compare(JsonNode original, JsonNode generated) {
		List<Difference> differences = new ArrayList<>();
		diff(normalise(original), normalise(generated), "", differences);
		return differences;
	}

	/** A normalised copy of a manifest (see the class comment). */
	public static JsonNode normalise(JsonNode manifest) {
		JsonNode copy = placeholders(manifest.deepCopy());
		if (!(copy instanceof ObjectNode root)) {
			return copy;
		}
		if (!root.has("modulesContent") && root.get("content") instanceof ObjectNode content) {
			root = content;
		}
		root.remove("$schema-template");
		if (!(root.get("modulesContent") instanceof ObjectNode content)) {
			return root;
		}
		if (content.path("$edgeAgent").path("properties.desired") instanceof ObjectNode agent) {
			agent(agent);
		}
		if (content.path("$edgeHub").path("properties.desired").path("routes") instanceof ObjectNode routes) {
			routes.fieldNames().forEachRemaining(name -> routes.set(name, route(routes.get(name))));
		}
		return root;
	}

	private static void agent(ObjectNode agent) {
		if (agent.path("runtime").path("settings") instanceof ObjectNode settings) {
			defaultText(settings, "minDockerVersion", "v1.25");
			defaultText(settings, "loggingOptions", "");
			if (!settings.has("registryCredentials")) {
				settings.putObject("registryCredentials");
			}
			if (settings.get("registryCredentials") instanceof ObjectNode credentials) {
				ObjectNode renamed = settings.putObject("registryCredentials");
				credentials.fields().forEachRemaining(e -> {
					Matcher variable = AgentImport.VARIABLE.matcher(e.getKey());
					renamed.set(variable.matches() ? variable.group(1) : e.getKey(), e.getValue());
				});
			}
		}
		if (agent.path("systemModules") instanceof ObjectNode system) {
			system.elements().forEachRemaining(ManifestComparison::settings);
			if (system.get("edgeHub") instanceof ObjectNode hub) {
				defaultText(hub, "status", "running");
				defaultText(hub, "restartPolicy", "always");
			}
		}
		if (agent.path("modules") instanceof ObjectNode modules) {
			for (JsonNode module : modules) {
				if (module instanceof ObjectNode m) {
					defaultText(m, "version", ModuleSection.DEFAULT_VERSION);
					defaultText(m, "status", "running");
					defaultText(m, "restartPolicy", "always");
					settings(m);
				}
			}
		}
	}

	private static void settings(JsonNode module) {
		if (!(module.path("settings") instanceof ObjectNode settings)) {
			return;
		}
		ObjectNode options;
		try {
			options = CreateOptionsImport.read(settings, "");
		} catch (ImportException e) {
			return; // compared as written
		}
		List<String> chunks = new ArrayList<>();
		settings.fieldNames().forEachRemaining(key -> {
			if (CreateOptionsImport.isChunk(key)) {
				chunks.add(key);
			}
		});
		settings.remove(chunks);
		if (options.path("HostConfig").path("PortBindings") instanceof ObjectNode bindings && !bindings.isEmpty()) {
			ObjectNode exposed = options.get("ExposedPorts") instanceof ObjectNode e ? e : options.putObject("ExposedPorts");
			bindings.fieldNames().forEachRemaining(port -> {
				if (!exposed.has(port)) {
					exposed.putObject(port);
				}
			});
		}
		for (String key : List.of("HostConfig", "ExposedPorts")) {
			if (options.get(key) instanceof ObjectNode o && o.isEmpty()) {
				options.remove(key);
			}
		}
		settings.set("createOptions", options);
	}

	private static JsonNode route(JsonNode route) {
		ObjectNode object;
		if (route.isTextual()) {
			object = ManifestParser.MAPPER.createObjectNode();
			object.set("route", route);
		} else if (route instanceof ObjectNode o) {
			object = o;
		} else {
			return route;
		}
		if (object.get("route") instanceof TextNode text) {
			object.put("route", canonical(text.textValue()));
		}
		return object;
	}

	/** A route string in one spelling: lower-case source path as edgeHub matches it, one-spaced condition, sink. */
	static String canonical(String text) {
		try {
			io.edgestudio.routes.Route route = RouteLanguage.parseRoute(text);
			String source = route.source().path().strip();
			while (source.endsWith("*") || source.endsWith("/")) {
				source = source.substring(0, source.length() - 1);
			}
			String where = route.conditionText().map(c -> " WHERE " + c.strip().replaceAll("\\s+", " ")).orElse("");
			return "FROM " + source.toLowerCase(Locale.ROOT) + where + " INTO " + route.sink();
		} catch (RouteLanguageException e) {
			return text;
		}
	}

	/** {@code ${NAME}} written as {@code $NAME} in every string. */
	private static JsonNode placeholders(JsonNode node) {
		if (node.isTextual()) {
			return TextNode.valueOf(node.textValue().replaceAll("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}", "\\$$1"));
		}
		if (node instanceof ObjectNode object) {
			object.fieldNames().forEachRemaining(key -> object.set(key, placeholders(object.get(key))));
		} else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				array.set(i, placeholders(array.get(i)));
			}
		}
		return node;
	}

	private static void defaultText(ObjectNode node, String key, String value) {
		if (!node.has(key)) {
			node.put(key, value);
		}
	}

	private static void diff(JsonNode a, JsonNode b, String pointer, List<Difference> out) {
		if (a.isObject() && b.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				String at = ImportLog.child(pointer, field.getKey());
				if (b.has(field.getKey())) {
					diff(field.getValue(), b.get(field.getKey()), at, out);
				} else {
					out.add(new Difference(at, "missing from the generated manifest (was " + field.getValue() + ")"));
				}
			}
			b.fieldNames().forEachRemaining(key -> {
				if (!a.has(key)) {
					out.add(new Difference(ImportLog.child(pointer, key), "only in the generated manifest: " + b.get(key)));
				}
			});
		} else if (a.isArray() && b.isArray() && a.size() == b.size()) {
			for (int i = 0; i < a.size(); i++) {
				diff(a.get(i), b.get(i), pointer + "/" + i, out);
			}
		} else if (a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) != 0 : !a.equals(b)) {
			out.add(new Difference(pointer, "was " + a + ", generated " + b));
		}
	}
}
