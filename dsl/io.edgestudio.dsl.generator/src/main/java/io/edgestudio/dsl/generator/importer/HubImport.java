package io.edgestudio.dsl.generator.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.dsl.generator.EdgeHubSection;
import io.edgestudio.dsl.generator.importer.ImportModel.Module;
import io.edgestudio.dsl.generator.importer.ImportModel.Route;
import io.edgestudio.routes.RouteLanguage;
import io.edgestudio.routes.RouteLanguageException;
import io.edgestudio.routes.Sink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code $edgeHub.properties.desired}: the schema version, the store-and-forward time to live, and the routes.
 * Each route string is parsed with edgeHub's route grammar; a route between declared ports becomes a typed .edge
 * route (declaring the ports it names), anything else is kept as an edgeHub route string with a warning.
 */
final class HubImport {

	private static final Pattern MODULE_PATH = Pattern.compile("/messages/modules/([^/]+)/outputs(?:/([^/]+))?");
	private static final long MAX_UINT32 = 4294967295L;

	private final ImportLog log;
	private final Map<String, String> moduleNames;
	private final Map<String, Module> modules;
	final List<Route> routes = new ArrayList<>();
	String schema;
	Long ttl;

	HubImport(ImportLog log, Map<String, String> moduleNames, List<Module> modules) {
		this.log = log;
		this.moduleNames = moduleNames;
		this.modules = new java.util.HashMap<>();
		modules.forEach(m -> this.modules.put(m.name(), m));
	}

	void read(ObjectNode desired, String pointer) {
		Json.Fields fields = new Json.Fields(desired, pointer, log);
		String version = fields.text("schemaVersion");
		if (version == null) {
			log.warn(ImportLog.child(pointer, "schemaVersion"), "no schemaVersion; the generated manifest has " + EdgeHubSection.DEFAULT_SCHEMA);
		}
		schema = version == null || version.equals(EdgeHubSection.DEFAULT_SCHEMA) ? null : version;
		Optional<ObjectNode> routesNode = fields.object("routes");
		routesNode.ifPresent(r -> routes(r, ImportLog.child(pointer, "routes")));
		Optional<ObjectNode> storeAndForward = fields.object("storeAndForwardConfiguration");
		String sfPointer = ImportLog.child(pointer, "storeAndForwardConfiguration");
		if (storeAndForward.isEmpty()) {
			log.warn(sfPointer, "no storeAndForwardConfiguration (edgeHub then keeps messages forever); the generated manifest has "
					+ EdgeHubSection.DEFAULT_TTL_SECS + " s");
		}
		storeAndForward.ifPresent(sf -> {
			Json.Fields sfFields = new Json.Fields(sf, sfPointer, log);
			JsonNode value = sfFields.value("timeToLiveSecs");
			String at = ImportLog.child(sfPointer, "timeToLiveSecs");
			if (value != null && value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0 && value.longValue() <= MAX_UINT32) {
				ttl = value.longValue();
			} else {
				log.warn(at, "timeToLiveSecs " + value + " cannot be written in .edge (0 to " + MAX_UINT32 + " seconds); the generated manifest has "
						+ EdgeHubSection.DEFAULT_TTL_SECS + " s");
			}
			sfFields.warnUnknown();
		});
		fields.warnUnknown();
	}

	private void routes(ObjectNode routesNode, String pointer) {
		Set<String> used = new HashSet<>();
		routesNode.fieldNames().forEachRemaining(used::add);
		for (Iterator<Map.Entry<String, JsonNode>> it = routesNode.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			String at = ImportLog.child(pointer, entry.getKey());
			String name = entry.getKey();
			if (!EdgeSyntax.isId(name)) {
				String base = EdgeSyntax.toId(name);
				name = base;
				for (int i = 2; !used.add(name); i++) {
					name = base + "_" + i;
				}
				log.warn(at, "route name '" + entry.getKey() + "' cannot be written in .edge (letters, digits and '_', not starting with a digit); "
						+ "renamed to " + name, ImportLog.child(pointer, name));
			}
			route(name, entry.getValue(), at).ifPresent(routes::add);
		}
	}

	private Optional<Route> route(String name, JsonNode value, String pointer) {
		String text;
		String textPointer = pointer;
		Integer priority = null;
		Long routeTtl = null;
		if (value.isTextual()) {
			text = value.textValue();
		} else if (value.isObject()) {
			Json.Fields fields = new Json.Fields((ObjectNode) value, pointer, log);
			text = fields.requiredText("route");
			textPointer = ImportLog.child(pointer, "route");
			JsonNode p = fields.value("priority");
			if (p != null) {
				if (p.isIntegralNumber() && p.canConvertToInt() && p.intValue() >= 0 && p.intValue() <= 9) {
					priority = p.intValue();
				} else {
					log.warn(ImportLog.child(pointer, "priority"), "priority " + p + " is not 0 to 9; left out (edgeHub's default is below every explicit one)");
				}
			}
			JsonNode t = fields.value("timeToLiveSecs");
			if (t != null) {
				if (t.isIntegralNumber() && t.canConvertToLong() && t.longValue() >= 0 && t.longValue() <= MAX_UINT32) {
					routeTtl = t.longValue();
				} else {
					log.warn(ImportLog.child(pointer, "timeToLiveSecs"), "timeToLiveSecs " + t + " is not 0 to " + MAX_UINT32 + "; left out");
				}
			}
			fields.warnUnknown();
		} else {
			throw new ImportException(pointer, "a route must be a string or an object {route, priority, timeToLiveSecs}");
		}
		if (text.isBlank()) {
			log.warn(textPointer, "an empty route routes nothing; left out");
			return Optional.empty();
		}
		io.edgestudio.routes.Route parsed;
		try {
			parsed = RouteLanguage.parseRoute(text);
		} catch (RouteLanguageException e) {
			throw new ImportException(textPointer, "not a route edgeHub accepts: " + e.reason() + " (column " + (e.offset() + 1) + ")");
		}
		String source = source(parsed.source().path().strip());
		String sink = sink(parsed.sink());
		String condition = parsed.conditionText().orElse(null);
		String clash = portClash(parsed);
		if (source == null || sink == null || clash != null || condition != null && condition.contains("\n")) {
			log.warn(textPointer, "kept as an edgeHub route string (not checked against the solution's modules): "
					+ (source == null ? why(parsed.source().path().strip(), "source")
							: sink == null ? why(parsed.sink().toString(), "sink")
							: clash != null ? clash + " has no typed form" : "its condition spans lines"));
			return Optional.of(new Route(name, null, null, null, text.strip(), priority, routeTtl));
		}
		declarePorts(parsed);
		return Optional.of(new Route(name, source, sink, condition, null, priority, routeTtl));
	}

	private String why(String end, String kind) {
		Matcher module = Pattern.compile("/modules/([^/\"]+)").matcher(end);
		if (module.find() && !moduleNames.containsKey(module.group(1))) {
			return "its " + kind + " names module '" + module.group(1) + "', which is not in this deployment";
		}
		return "its " + kind + " " + end + " has no typed form in .edge";
	}

	/** The typed source, or null when it has none (such as {@code /*}, {@code /messages/modules/m/*}, unknown modules). */
	private String source(String path) {
		String trimmed = path.endsWith("/*") ? path.substring(0, path.length() - 2) : path;
		switch (trimmed) {
			case "/messages" -> {
				return "$messages";
			}
			case "/messages/modules" -> {
				return "*";
			}
			case "/twinChangeNotifications" -> {
				return "$twinChangeNotifications";
			}
			default -> {
				Matcher m = MODULE_PATH.matcher(trimmed);
				if (!m.matches() || !moduleNames.containsKey(m.group(1)) || path.equals(trimmed) && m.group(2) == null) {
					return null;
				}
				String module = EdgeSyntax.id(moduleNames.get(m.group(1)));
				if (m.group(2) == null) {
					return module + ".*";
				}
				return EdgeSyntax.isMemberName(m.group(2)) && !path.endsWith("/*") ? module + "." + m.group(2) : null;
			}
		}
	}

	private String sink(Sink sink) {
		return switch (sink) {
			case Sink.Upstream u -> "$upstream";
			case Sink.ModuleInput in when moduleNames.containsKey(in.module()) && EdgeSyntax.isMemberName(in.input()) ->
				EdgeSyntax.id(moduleNames.get(in.module())) + "." + in.input();
			default -> null;
		};
	}

	/** A port this route would declare whose name the module already uses in the other direction. */
	private String portClash(io.edgestudio.routes.Route parsed) {
		String[] output = output(parsed);
		if (output != null && modules.get(moduleNames.get(output[0])).inputs().contains(output[1])) {
			return "output " + output[1] + " (also an input's name)";
		}
		if (parsed.sink() instanceof Sink.ModuleInput in && moduleNames.containsKey(in.module())
				&& modules.get(moduleNames.get(in.module())).outputs().contains(in.input())) {
			return "input " + in.input() + " (also an output's name)";
		}
		return null;
	}

	/** The declared module and the output a source names ({@code /messages/modules/m/outputs/o}), else null. */
	private String[] output(io.edgestudio.routes.Route parsed) {
		Matcher m = MODULE_PATH.matcher(parsed.source().path().strip());
		return m.matches() && m.group(2) != null && !m.group(2).equals("*") && moduleNames.containsKey(m.group(1))
				? new String[] {m.group(1), m.group(2)} : null;
	}

	private void declarePorts(io.edgestudio.routes.Route parsed) {
		String[] output = output(parsed);
		if (output != null) {
			modules.get(moduleNames.get(output[0])).outputs().add(output[1]);
		}
		if (parsed.sink() instanceof Sink.ModuleInput in) {
			modules.get(moduleNames.get(in.module())).inputs().add(in.input());
		}
	}
}
