package io.edgestudio.dsl.generator.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.dsl.generator.importer.ImportModel.BindMount;
import io.edgestudio.dsl.generator.importer.ImportModel.Device;
import io.edgestudio.dsl.generator.importer.ImportModel.Env;
import io.edgestudio.dsl.generator.importer.ImportModel.Module;
import io.edgestudio.dsl.generator.importer.ImportModel.PortBinding;
import io.edgestudio.dsl.generator.importer.ImportModel.Registry;
import io.edgestudio.dsl.generator.importer.ImportModel.Route;
import io.edgestudio.dsl.generator.importer.ImportModel.Solution;
import io.edgestudio.dsl.generator.importer.ImportModel.SystemModule;
import io.edgestudio.dsl.generator.importer.ImportModel.Twin;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes an imported solution as .edge text in the layout the .edge formatter produces (four-space indent, one
 * setting per line, one blank line between elements), so formatting the file changes nothing. Each twin schema
 * comes right before the module that uses it.
 */
final class EdgeWriter {

	private static final String INDENT = "    ";

	private final StringBuilder out = new StringBuilder();

	private EdgeWriter() {
	}

	/** The text of a solution, after a block comment with the given lines (none when empty). */
	static String write(Solution solution, List<String> header) {
		EdgeWriter writer = new EdgeWriter();
		writer.header(header);
		writer.solution(solution);
		for (Module module : solution.modules()) {
			solution.twins().stream().filter(t -> t.name().equals(module.twin())).forEach(writer::twin);
			writer.module(module);
		}
		solution.routes().forEach(writer::route);
		return writer.out.toString();
	}

	private void header(List<String> lines) {
		if (lines.isEmpty()) {
			return;
		}
		out.append("/*\n");
		for (String line : lines) {
			out.append(line.isEmpty() ? " *" : " * " + line.replace("*/", "* /")).append('\n');
		}
		out.append(" */\n");
	}

	private void solution(Solution solution) {
		out.append("solution ").append(EdgeSyntax.id(solution.name())).append(" {\n");
		for (Registry registry : solution.registries()) {
			line(1, "registry " + EdgeSyntax.id(registry.name()) + " " + EdgeSyntax.string(registry.address())
					+ (registry.usernameVariable() == null ? ""
							: " username env " + EdgeSyntax.id(registry.usernameVariable()) + " password env "
									+ EdgeSyntax.id(registry.passwordVariable())));
		}
		if (solution.storeAndForwardTtl() != null) {
			line(1, "storeAndForward ttl " + EdgeSyntax.duration(solution.storeAndForwardTtl()));
		}
		systemModule("edgeAgent", solution.edgeAgent());
		systemModule("edgeHub", solution.edgeHub());
		out.append("}\n");
	}

	private void systemModule(String keyword, SystemModule module) {
		line(1, keyword + " {");
		if (module.image() != null) {
			line(2, "image " + EdgeSyntax.string(module.image()));
		} else {
			line(2, "version " + EdgeSyntax.string(module.version()));
		}
		if (module.schema() != null) {
			line(2, "schema " + EdgeSyntax.string(module.schema()));
		}
		module.env().forEach(env -> env(2, env));
		if (module.createOptions() != null) {
			indent(2).append("createOptions ");
			json(module.createOptions(), 2);
			out.append('\n');
		}
		line(1, "}");
	}

	private void twin(Twin twin) {
		out.append("\ntwin ").append(EdgeSyntax.id(twin.name())).append(" {\n");
		twinMembers(twin.desired(), 1, "desired ");
		out.append("}\n");
	}

	private void twinMembers(ObjectNode members, int depth, String prefix) {
		for (Iterator<Map.Entry<String, JsonNode>> it = members.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> member = it.next();
			JsonNode value = member.getValue();
			if (value.isObject()) {
				line(depth, prefix + member.getKey() + " {");
				twinMembers((ObjectNode) value, depth + 1, "");
				line(depth, "}");
			} else {
				line(depth, prefix + member.getKey() + ": " + TwinImport.type(value) + " = " + literal(value));
			}
		}
	}

	private void module(Module module) {
		out.append("\nmodule ").append(EdgeSyntax.id(module.name())).append(" {\n");
		line(1, "image " + EdgeSyntax.string(module.image()));
		if (module.version() != null) {
			line(1, "version " + EdgeSyntax.string(module.version()));
		}
		module.inputs().forEach(input -> line(1, "input " + input));
		module.outputs().forEach(output -> line(1, "output " + output));
		if (module.twin() != null) {
			line(1, "twin " + EdgeSyntax.id(module.twin()));
		}
		module.env().forEach(env -> env(1, env));
		if (module.createOptions() != null) {
			indent(1).append("createOptions ");
			json(module.createOptions(), 1);
			out.append('\n');
		}
		for (PortBinding port : module.ports()) {
			line(1, "port " + port.hostPort() + ":" + port.containerPort() + (port.udp() ? "/udp" : ""));
		}
		for (BindMount bind : module.binds()) {
			line(1, "bind " + EdgeSyntax.string(bind.hostPath()) + " to " + EdgeSyntax.string(bind.containerPath())
					+ (bind.readOnly() ? " readonly" : ""));
		}
		for (Device device : module.devices()) {
			line(1, "device " + EdgeSyntax.string(device.hostPath())
					+ (device.hostPath().equals(device.containerPath()) ? "" : " to " + EdgeSyntax.string(device.containerPath())));
		}
		if (module.privileged()) {
			line(1, "privileged");
		}
		setting("restartPolicy", module.restartPolicy());
		setting("status", module.status());
		if (module.startupOrder() != null) {
			line(1, "startupOrder " + module.startupOrder());
		}
		setting("imagePullPolicy", module.imagePullPolicy());
		out.append("}\n");
	}

	private void setting(String keyword, String value) {
		if (value != null) {
			line(1, keyword + " " + value);
		}
	}

	private void route(Route route) {
		out.append("\nroute ").append(EdgeSyntax.id(route.name())).append(": ");
		if (route.edgeHubRoute() != null) {
			out.append(EdgeSyntax.readableString(route.edgeHubRoute()));
		} else {
			out.append(route.source()).append(" -> ").append(route.sink());
			if (route.condition() != null) {
				out.append(" where ").append(EdgeSyntax.readableString(route.condition()));
			}
		}
		if (route.priority() != null) {
			out.append(" priority ").append(route.priority());
		}
		if (route.ttl() != null) {
			out.append(" ttl ").append(EdgeSyntax.duration(route.ttl()));
		}
		out.append('\n');
	}

	private void env(int depth, Env env) {
		String name = EdgeSyntax.isId(env.name()) && !EdgeSyntax.KEYWORDS.contains(env.name()) ? env.name() : EdgeSyntax.string(env.name());
		line(depth, "env " + name + " = " + literal(env.value()));
	}

	/** A JSON value as the .edge JSON literal, objects one member per line at {@code depth}. */
	private void json(JsonNode value, int depth) {
		if (value.isObject()) {
			if (value.isEmpty()) {
				out.append("{}");
				return;
			}
			out.append("{\n");
			for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> member = it.next();
				indent(depth + 1).append(EdgeSyntax.string(member.getKey())).append(": ");
				json(member.getValue(), depth + 1);
				out.append(it.hasNext() ? ",\n" : "\n");
			}
			indent(depth).append('}');
		} else if (value.isArray()) {
			out.append('[');
			for (int i = 0; i < value.size(); i++) {
				out.append(i == 0 ? "" : ", ");
				json(value.get(i), depth);
			}
			out.append(']');
		} else {
			out.append(value.isNull() ? "null" : literal(value));
		}
	}

	/** A string, number or boolean as an .edge literal; numbers in plain notation. */
	static String literal(JsonNode value) {
		if (value.isTextual()) {
			return EdgeSyntax.string(value.textValue());
		}
		if (value.isNumber()) {
			return value.isIntegralNumber() ? value.bigIntegerValue().toString() : value.decimalValue().toPlainString();
		}
		return Boolean.toString(value.booleanValue());
	}

	private void line(int depth, String text) {
		indent(depth).append(text).append('\n');
	}

	private StringBuilder indent(int depth) {
		return out.append(INDENT.repeat(depth));
	}
}
