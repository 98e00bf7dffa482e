package io.edgestudio.dsl.generator.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.dsl.generator.importer.ImportModel.Module;
import io.edgestudio.dsl.generator.importer.ImportModel.Registry;
import io.edgestudio.dsl.generator.importer.ImportModel.Solution;
import io.edgestudio.dsl.generator.importer.ImportModel.SystemModule;
import io.edgestudio.dsl.generator.importer.ImportModel.Twin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an IoT Edge deployment manifest, or a deployment.template.json of the VS Code tooling, into an equivalent
 * .edge solution: system modules, registries (credentials as environment variable names, never literals), modules
 * with their settings and structured createOptions, twin schemas inferred from desired properties, and routes.
 * Placeholders ({@code ${MODULES.x}}, {@code $VAR}) are kept as written. What .edge cannot carry is reported as an
 * {@link ImportWarning} with its JSON pointer; malformed input fails with an {@link ImportException}.
 */
public final class ManifestImporter {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}\\s]+}");

	/**
	 * An imported solution.
	 *
	 * @param text the .edge text
	 * @param warnings what was not carried over as it was, and notes, in manifest order
	 */
	public record Result(String text, List<ImportWarning> warnings) {
	}

	/**
	 * Imports manifest text.
	 *
	 * @param json the manifest or template
	 * @param solutionName the name of the solution (an identifier)
	 * @param source the file name mentioned in the header comment
	 * @throws ImportException when the JSON is malformed or a required part has the wrong shape
	 */
	public Result importManifest(String json, String solutionName, String source) {
		ImportLog log = new ImportLog();
		JsonNode parsed = ManifestParser.parse(json, "");
		if (!parsed.isObject()) {
			throw new ImportException("", "a deployment manifest is a JSON object");
		}
		ObjectNode root = (ObjectNode) parsed;
		String rootPointer = "";
		if (!root.has("modulesContent") && root.get("content") instanceof ObjectNode content) {
			log.note("/content", "the deployment's content is imported; its other settings (target condition, priority) belong to the cloud deployment");
			root = content;
			rootPointer = "/content";
		}
		Json.Fields rootFields = new Json.Fields(root, rootPointer, log);
		if (rootFields.has("$schema-template")) {
			log.note(ImportLog.child(rootPointer, "$schema-template"), "template marker not carried over: edge generate writes final manifests");
		}
		String contentPointer = ImportLog.child(rootPointer, "modulesContent");
		ObjectNode content = rootFields.requiredObject("modulesContent");
		rootFields.warnUnknown();

		Json.Fields contentFields = new Json.Fields(content, contentPointer, log);
		String agentPointer = ImportLog.child(ImportLog.child(contentPointer, "$edgeAgent"), "properties.desired");
		AgentImport agent = new AgentImport(log);
		agent.read(desired(contentFields, "$edgeAgent", log), agentPointer);
		HubImport hub = new HubImport(log, agent.moduleNames, agent.modules);
		hub.read(desired(contentFields, "$edgeHub", log), ImportLog.child(ImportLog.child(contentPointer, "$edgeHub"), "properties.desired"));

		Set<String> names = new HashSet<>(agent.moduleNames.values());
		names.add(solutionName);
		List<Twin> twins = new ArrayList<>();
		List<Module> modules = new ArrayList<>(agent.modules);
		for (Iterator<String> it = content.fieldNames(); it.hasNext();) {
			String key = it.next();
			if (key.equals("$edgeAgent") || key.equals("$edgeHub")) {
				continue;
			}
			String at = ImportLog.child(contentPointer, key);
			contentFields.has(key);
			String module = agent.moduleNames.get(key);
			if (module == null) {
				log.warn(at, "no module '" + key + "' in this deployment; its twin section is left out");
				continue;
			}
			ObjectNode section = desired(contentFields, key, log);
			Twin twin = new Twin(unique(Character.toUpperCase(module.charAt(0)) + module.substring(1) + "Twin", names), TwinImport.representable(section, ImportLog.child(at, "properties.desired"), log));
			twins.add(twin);
			modules.replaceAll(m -> m.name().equals(module) ? m.withTwin(twin.name()) : m);
		}
		contentFields.warnUnknown();

		SystemModule a = agent.edgeAgent;
		SystemModule h = agent.edgeHub;
		Solution solution = new Solution(solutionName, agent.registries, hub.ttl,
				new SystemModule(a.version(), a.image(), agent.agentSchema, a.env(), a.createOptions()),
				new SystemModule(h.version(), h.image(), hub.schema, h.env(), h.createOptions()),
				twins, modules, hub.routes);
		List<ImportWarning> warnings = log.entries();
		return new Result(EdgeWriter.write(solution, header(source, json, agent.registries, warnings)), warnings);
	}

	/** The {@code properties.desired} object of a {@code modulesContent} entry. */
	private static ObjectNode desired(Json.Fields content, String key, ImportLog log) {
		ObjectNode section = content.requiredObject(key);
		Json.Fields fields = new Json.Fields(section, ImportLog.child(content.pointer(), key), log);
		ObjectNode desired = fields.requiredObject("properties.desired");
		fields.warnUnknown();
		return desired;
	}

	private static List<String> header(String source, String json, List<Registry> registries, List<ImportWarning> warnings) {
		List<String> lines = new ArrayList<>();
		lines.add("Imported by edge import from " + source + ".");
		Set<String> placeholders = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(json);
		List<String> variables = registries.stream().flatMap(r -> java.util.stream.Stream.of(r.usernameVariable(), r.passwordVariable())).toList();
		while (matcher.find()) {
			placeholders.add(matcher.group());
		}
		registries.forEach(r -> placeholders.remove("${" + r.name() + "}"));
		variables.forEach(v -> placeholders.remove("${" + v + "}"));
		if (!placeholders.isEmpty()) {
			lines.addAll(wrap("Placeholders are kept as written; expand them before deploying: " + String.join(", ", placeholders) + "."));
		}
		if (!variables.isEmpty()) {
			lines.addAll(wrap("Registry credentials come from environment variables (" + String.join(", ", variables)
					+ "); this file holds no secret."));
		}
		List<ImportWarning> lost = warnings.stream().filter(w -> !w.note()).toList();
		if (!lost.isEmpty()) {
			lines.add("");
			lines.add("Not carried over as it was:");
			lost.forEach(w -> lines.add("- " + w.pointer() + ": " + w.message()));
		}
		return lines;
	}

	/** A long header sentence as lines of at most about 110 characters, broken at spaces. */
	private static List<String> wrap(String text) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			if (!line.isEmpty() && line.length() + 1 + word.length() > 110) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append(line.isEmpty() ? "" : " ").append(word);
		}
		lines.add(line.toString());
		return lines;
	}

	private static String unique(String base, Set<String> used) {
		String name = base;
		for (int i = 2; !used.add(name); i++) {
			name = base + i;
		}
		return name;
	}

	/** A solution name from a manifest's file name: {@code deployment.template.json} in {@code my-solution/} gives MySolution. */
	public static String solutionName(String fileName, String directoryName) {
		String stem = fileName.replaceAll("(?i)\\.json$", "").replaceAll("(?i)(^|\\.)(deployment|template|debug)(?=\\.|$)", "")
				.replaceAll("^\\.+|\\.+$", "");
		String base = stem.isBlank() && directoryName != null ? directoryName : stem;
		StringBuilder name = new StringBuilder();
		for (String word : base.split("[^A-Za-z0-9]+")) {
			if (!word.isEmpty()) {
				name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
			}
		}
		String id = name.toString().replaceFirst("^[0-9]+", "");
		return id.isEmpty() ? "Imported" : id;
	}
}
