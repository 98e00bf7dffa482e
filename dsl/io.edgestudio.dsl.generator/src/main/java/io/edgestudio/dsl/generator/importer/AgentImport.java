package io.edgestudio.dsl.generator.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.dsl.generator.EdgeAgentSection;
import io.edgestudio.dsl.generator.ModuleSection;
import io.edgestudio.dsl.generator.importer.ImportModel.Env;
import io.edgestudio.dsl.generator.importer.ImportModel.Module;
import io.edgestudio.dsl.generator.importer.ImportModel.Registry;
import io.edgestudio.dsl.generator.importer.ImportModel.SystemModule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code $edgeAgent.properties.desired}: registries from the runtime settings, edgeAgent and edgeHub, and the
 * modules. Everything the .edge solution cannot carry is reported with its JSON pointer.
 */
final class AgentImport {

	/** A value that is exactly one variable: {@code $NAME} or {@code ${NAME}}. */
	static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");
	private static final Pattern MCR_IMAGE = Pattern.compile("mcr\\.microsoft\\.com/azureiotedge-(agent|hub):([\\w][\\w.-]*)");
	private static final Set<String> RESTART_POLICIES = Set.of("always", "on-failure", "on-unhealthy", "never");
	private static final Set<String> STATUSES = Set.of("running", "stopped");
	private static final Set<String> PULL_POLICIES = Set.of("on-create", "never");
	private static final long MAX_UINT32 = 4294967295L;
	/** Environment variable names the manifest schema allows. */
	private static final Pattern ENV_NAME = Pattern.compile("[^+#$\\s.]+");

	private final ImportLog log;
	/** Manifest module name to .edge module name. */
	final Map<String, String> moduleNames = new LinkedHashMap<>();
	final List<Registry> registries = new ArrayList<>();
	final List<Module> modules = new ArrayList<>();
	String agentSchema;
	SystemModule edgeAgent;
	SystemModule edgeHub;

	AgentImport(ImportLog log) {
		this.log = log;
	}

	void read(ObjectNode desired, String pointer) {
		Json.Fields fields = new Json.Fields(desired, pointer, log);
		String schema = fields.text("schemaVersion");
		if (schema == null) {
			log.warn(ImportLog.child(pointer, "schemaVersion"), "no schemaVersion; the generated manifest has " + EdgeAgentSection.DEFAULT_SCHEMA);
		}
		agentSchema = schema == null || schema.equals(EdgeAgentSection.DEFAULT_SCHEMA) ? null : schema;
		fields.object("runtime").ifPresent(runtime -> runtime(runtime, ImportLog.child(pointer, "runtime")));
		ObjectNode system = fields.requiredObject("systemModules");
		String systemPointer = ImportLog.child(pointer, "systemModules");
		Json.Fields systemFields = new Json.Fields(system, systemPointer, log);
		edgeAgent = systemModule(systemFields.requiredObject("edgeAgent"), ImportLog.child(systemPointer, "edgeAgent"), "agent");
		edgeHub = systemModule(systemFields.requiredObject("edgeHub"), ImportLog.child(systemPointer, "edgeHub"), "hub");
		systemFields.warnUnknown();
		fields.object("modules").ifPresent(m -> modules(m, ImportLog.child(pointer, "modules")));
		fields.warnUnknown();
	}

	private void runtime(ObjectNode runtime, String pointer) {
		Json.Fields fields = new Json.Fields(runtime, pointer, log);
		String type = fields.text("type");
		if (type != null && !type.equals("docker")) {
			log.warn(ImportLog.child(pointer, "type"), "runtime type '" + type + "' is not supported; the generated manifest uses docker");
		}
		fields.object("settings").ifPresent(settings -> {
			String at = ImportLog.child(pointer, "settings");
			Json.Fields settingsFields = new Json.Fields(settings, at, log);
			String docker = settingsFields.text("minDockerVersion");
			if (docker != null && !docker.equals("v1.25")) {
				log.warn(ImportLog.child(at, "minDockerVersion"), "minDockerVersion '" + docker + "' is not kept; the generated manifest has v1.25");
			}
			String logging = settingsFields.text("loggingOptions");
			if (logging != null && !logging.isEmpty()) {
				log.warn(ImportLog.child(at, "loggingOptions"), "loggingOptions are not kept; the generated manifest has \"\"");
			}
			settingsFields.object("registryCredentials").ifPresent(c -> registries(c, ImportLog.child(at, "registryCredentials")));
			settingsFields.warnUnknown();
		});
		fields.warnUnknown();
	}

	private void registries(ObjectNode credentials, String pointer) {
		Set<String> used = new HashSet<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = credentials.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			String at = ImportLog.child(pointer, entry.getKey());
			if (!entry.getValue().isObject()) {
				throw new ImportException(at, "a registry credential must be an object {username, password, address}");
			}
			Json.Fields fields = new Json.Fields((ObjectNode) entry.getValue(), at, log);
			String address = fields.requiredText("address");
			Matcher variable = VARIABLE.matcher(entry.getKey());
			String name = variable.matches() ? variable.group(1) : entry.getKey();
			if (!EdgeSyntax.isId(name) || !used.add(name)) {
				name = unique(EdgeSyntax.toId(name), used);
			}
			if (!name.equals(entry.getKey())) {
				log.note(at, "registry '" + entry.getKey() + "' is named " + name + " (a registry's name is only a label)");
			}
			String user = credential(fields.requiredText("username"), ImportLog.child(at, "username"), name, "USERNAME");
			String password = credential(fields.requiredText("password"), ImportLog.child(at, "password"), name, "PASSWORD");
			fields.warnUnknown();
			registries.add(new Registry(name, address, user, password));
		}
	}

	/** The variable a credential names; a literal is replaced by a variable, never written. */
	private String credential(String value, String pointer, String registry, String kind) {
		Matcher variable = VARIABLE.matcher(value);
		if (variable.matches()) {
			log.note(pointer, "taken from environment variable " + variable.group(1) + " when the manifest is generated");
			return variable.group(1);
		}
		String name = registry.toUpperCase(Locale.ROOT) + "_" + kind;
		log.warn(pointer, "a literal " + kind.toLowerCase(Locale.ROOT) + " is not written into .edge files; the solution reads environment variable "
				+ name + " instead: set it to the value from this manifest");
		return name;
	}

	private SystemModule systemModule(ObjectNode module, String pointer, String kind) {
		Json.Fields fields = new Json.Fields(module, pointer, log);
		checkType(fields);
		if (kind.equals("hub")) {
			expect(fields, "status", "running");
			expect(fields, "restartPolicy", "always");
			if (fields.has("startupOrder")) {
				log.warn(ImportLog.child(pointer, "startupOrder"), "edgeHub's startupOrder cannot be set in .edge; left out");
			}
		}
		if (fields.has("imagePullPolicy")) {
			log.warn(ImportLog.child(pointer, "imagePullPolicy"), "the imagePullPolicy of system modules cannot be set in .edge; left out");
		}
		List<Env> env = fields.object("env").map(e -> env(e, ImportLog.child(pointer, "env"))).orElse(List.of());
		ObjectNode settings = fields.requiredObject("settings");
		String settingsPointer = ImportLog.child(pointer, "settings");
		Json.Fields settingsFields = new Json.Fields(settings, settingsPointer, log);
		String image = settingsFields.requiredText("image");
		ObjectNode options = CreateOptionsImport.read(settings, settingsPointer);
		settingsFields.markAll(CreateOptionsImport::isChunk);
		settingsFields.warnUnknown();
		fields.warnUnknown();
		ObjectNode written = options;
		if (kind.equals("agent") && options.isEmpty()
				|| kind.equals("hub") && options.equals(ManifestParser.parse(EdgeAgentSection.DEFAULT_HUB_OPTIONS, ""))) {
			written = null;
		}
		Matcher mcr = MCR_IMAGE.matcher(image);
		boolean standard = mcr.matches() && mcr.group(1).equals(kind);
		return new SystemModule(standard ? mcr.group(2) : null, standard ? null : image, null, env, written);
	}

	private void expect(Json.Fields fields, String key, String value) {
		String actual = fields.text(key);
		if (actual != null && !actual.equals(value)) {
			log.warn(ImportLog.child(fields.pointer(), key), "edgeHub always has " + key + " " + value + " in .edge; '" + actual + "' is not kept");
		}
	}

	private void checkType(Json.Fields fields) {
		String type = fields.text("type");
		if (type == null) {
			log.warn(ImportLog.child(fields.pointer(), "type"), "no type; the generated manifest has docker");
		} else if (!type.equals("docker")) {
			log.warn(ImportLog.child(fields.pointer(), "type"), "module type '" + type + "' is not supported; the generated manifest has docker");
		}
	}

	private void modules(ObjectNode modulesNode, String pointer) {
		Set<String> used = new HashSet<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = modulesNode.fields(); it.hasNext();) {
			used.add(it.next().getKey());
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = modulesNode.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			String at = ImportLog.child(pointer, entry.getKey());
			if (!entry.getValue().isObject()) {
				throw new ImportException(at, "a module must be an object");
			}
			String name = entry.getKey();
			if (!EdgeSyntax.isId(name)) {
				name = unique(EdgeSyntax.toId(name), used);
				log.warn(at, "module name '" + entry.getKey() + "' cannot be written in .edge (letters, digits and '_', not starting with a digit); "
						+ "renamed to " + name + ", which changes the module's identity on the device", ImportLog.child(pointer, name));
			}
			moduleNames.put(entry.getKey(), name);
			modules.add(module(name, (ObjectNode) entry.getValue(), at));
		}
	}

	private Module module(String name, ObjectNode module, String pointer) {
		Json.Fields fields = new Json.Fields(module, pointer, log);
		checkType(fields);
		String version = fields.text("version");
		if (version == null) {
			log.note(ImportLog.child(pointer, "version"), "no version; the generated manifest has \"" + ModuleSection.DEFAULT_VERSION + "\"");
		}
		String status = choice(fields, "status", STATUSES, "running");
		String restart = choice(fields, "restartPolicy", RESTART_POLICIES, "always");
		String pull = choice(fields, "imagePullPolicy", PULL_POLICIES, null);
		Long startupOrder = null;
		if (fields.has("startupOrder")) {
			JsonNode order = fields.value("startupOrder");
			if (order.canConvertToLong() && order.isIntegralNumber() && order.longValue() >= 0 && order.longValue() <= MAX_UINT32) {
				startupOrder = order.longValue();
			} else {
				log.warn(ImportLog.child(pointer, "startupOrder"), "startupOrder must be an integer from 0 to " + MAX_UINT32 + "; left out");
			}
		}
		List<Env> env = fields.object("env").map(e -> env(e, ImportLog.child(pointer, "env"))).orElse(List.of());
		ObjectNode settings = fields.requiredObject("settings");
		String settingsPointer = ImportLog.child(pointer, "settings");
		Json.Fields settingsFields = new Json.Fields(settings, settingsPointer, log);
		String image = settingsFields.requiredText("image");
		CreateOptionsImport.Structured options = CreateOptionsImport.structure(CreateOptionsImport.read(settings, settingsPointer));
		settingsFields.markAll(CreateOptionsImport::isChunk);
		settingsFields.warnUnknown();
		fields.warnUnknown();
		return new Module(name, image, ModuleSection.DEFAULT_VERSION.equals(version) ? null : version,
				new LinkedHashSet<>(), new LinkedHashSet<>(), null, env, options.rest(), options.ports(), options.binds(),
				options.devices(), options.privileged(), "always".equals(restart) ? null : restart,
				"running".equals(status) ? null : status, startupOrder, pull);
	}

	private String choice(Json.Fields fields, String key, Set<String> allowed, String fallback) {
		String value = fields.text(key);
		if (value == null || allowed.contains(value)) {
			return value == null ? fallback : value;
		}
		log.warn(ImportLog.child(fields.pointer(), key), "'" + value + "' is not a " + key + " (one of " + String.join(", ", allowed.stream().sorted().toList())
				+ "); the generated manifest has " + (fallback == null ? "none" : fallback));
		return fallback;
	}

	private List<Env> env(ObjectNode envNode, String pointer) {
		List<Env> env = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = envNode.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			String at = ImportLog.child(pointer, entry.getKey());
			JsonNode value = entry.getValue().get("value");
			if (!ENV_NAME.matcher(entry.getKey()).matches()) {
				log.warn(at, "environment variable name '" + entry.getKey() + "' is not allowed in a manifest (no '+', '#', '$', '.' "
						+ "or white space); left out");
			} else if (!entry.getValue().isObject() || entry.getValue().size() != 1 || value == null) {
				log.warn(at, "an environment variable must be {\"value\": ...}; left out");
			} else if (!value.isValueNode() || value.isNull()) {
				log.warn(at, "an environment variable's value must be a string, number or boolean; left out");
			} else {
				env.add(new Env(entry.getKey(), value));
			}
		}
		return env;
	}

	private static String unique(String base, Set<String> used) {
		String name = base;
		for (int i = 2; !used.add(name); i++) {
			name = base + "_" + i;
		}
		return name;
	}
}
