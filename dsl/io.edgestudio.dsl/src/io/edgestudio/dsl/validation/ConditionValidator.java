package io.edgestudio.dsl.validation;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.ROUTE__CONDITION;

import io.edgestudio.dsl.edge.DataTypeRef;
import io.edgestudio.dsl.edge.Field;
import io.edgestudio.dsl.edge.MessageType;
import io.edgestudio.dsl.edge.ModuleSource;
import io.edgestudio.dsl.edge.Port;
import io.edgestudio.dsl.edge.PortDirection;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.edge.TwinChangesSource;
import io.edgestudio.dsl.model.StringLiteralOffsets;
import io.edgestudio.routes.BodyReference;
import io.edgestudio.routes.Condition;
import io.edgestudio.routes.MessageSource;
import io.edgestudio.routes.RouteLanguage;
import io.edgestudio.routes.RouteLanguageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

/**
 * A route's {@code where} condition, compiled by the same route language engine as the local edge
 * runtime: errors point at the exact characters inside the string, and {@code $body} queries are
 * checked against the message schema of the route's source.
 */
public class ConditionValidator extends EdgeCheckBase {

	@Check
	public void checkConditionCompiles(Route route) {
		if (route.getCondition() != null && compiled(route) instanceof Compiled.Failed(RouteLanguageException e)) {
			report(route, e.offset(), e.length(), "Condition: " + e.reason() + ".", IssueCodes.INVALID_CONDITION, true);
		}
	}

	@Check
	public void checkBodyFields(Route route) {
		List<MessageType> schemas = sourceSchemas(route);
		if (route.getCondition() == null || schemas.isEmpty()
				|| !(compiled(route) instanceof Compiled.Succeeded(Condition condition))) {
			return; // a condition that does not compile is reported by checkConditionCompiles
		}
		for (BodyReference reference : condition.bodyReferences()) {
			if (schemas.stream().noneMatch(schema -> resolves(schema, reference.path()))) {
				report(route, reference.offset(), reference.length(), "No message of this route's source has the field $body."
						+ String.join(".", reference.path()).replace(".[", "[") + ": the condition is never true. Check the spelling against "
						+ schemas.get(0).getName() + ".", IssueCodes.UNKNOWN_BODY_FIELD, false);
			}
		}
	}

	/** The outcome of compiling a route's condition, shared by the checks of one validation run. */
	private sealed interface Compiled {
		record Succeeded(Condition condition) implements Compiled {
		}

		record Failed(RouteLanguageException error) implements Compiled {
		}
	}

	private Compiled compiled(Route route) {
		Map<Object, Object> run = getContext();
		return run == null ? compile(route) : (Compiled) run.computeIfAbsent(Arrays.asList(Compiled.class, route), key -> compile(route));
	}

	private static Compiled compile(Route route) {
		try {
			return new Compiled.Succeeded(RouteLanguage.compileCondition(route.getCondition(), messageSource(route)));
		} catch (RouteLanguageException e) {
			return new Compiled.Failed(e);
		}
	}

	private void report(Route route, int offset, int length, String message, String code, boolean error) {
		INode node = NodeModelUtils.findNodesForFeature(route, ROUTE__CONDITION).get(0);
		StringLiteralOffsets offsets = new StringLiteralOffsets(node.getText());
		int start = offsets.sourceOffset(offset);
		int end = offsets.sourceOffset(offset + Math.max(1, length));
		if (error) {
			acceptError(message, route, node.getOffset() + start, Math.max(1, end - start), code);
		} else {
			acceptWarning(message, route, node.getOffset() + start, Math.max(1, end - start), code);
		}
	}

	private static MessageSource messageSource(Route route) {
		if (route.getSource() instanceof TwinChangesSource) {
			return MessageSource.twinChangeNotifications();
		}
		if (route.getSource() instanceof ModuleSource source && source.getModule() != null && !source.getModule().eIsProxy()) {
			Port output = source.getOutput();
			return source.isAllOutputs() || output == null || output.eIsProxy()
					? MessageSource.module(source.getModule().getName())
					: MessageSource.moduleOutput(source.getModule().getName(), output.getName());
		}
		return MessageSource.telemetry();
	}

	/** The schemas a source's messages may have; empty when any of them is untyped or unknown. */
	private static List<MessageType> sourceSchemas(Route route) {
		if (!(route.getSource() instanceof ModuleSource source) || source.getModule() == null || source.getModule().eIsProxy()) {
			return List.of();
		}
		List<Port> outputs = source.isAllOutputs()
				? source.getModule().getPorts().stream().filter(p -> p.getDirection() == PortDirection.OUTPUT).toList()
				: source.getOutput() == null || source.getOutput().eIsProxy() ? List.of() : List.of(source.getOutput());
		List<MessageType> schemas = new ArrayList<>();
		for (Port output : outputs) {
			if (output.getType() == null || output.getType().eIsProxy()) {
				return List.of();
			}
			schemas.add(output.getType());
		}
		return schemas;
	}

	private static boolean resolves(MessageType schema, List<String> path) {
		MessageType current = schema;
		for (int i = 0; i < path.size(); i++) {
			String segment = path.get(i);
			if (segment.startsWith("[")) {
				continue; // an index into the list field before it
			}
			if (current == null) {
				return false; // a member of a scalar
			}
			Optional<Field> field = current.getFields().stream().filter(f -> segment.equals(f.getName())).findFirst();
			if (field.isEmpty()) {
				return false;
			}
			current = field.get().getType() instanceof DataTypeRef ref && ref.getType() instanceof MessageType nested ? nested : null;
		}
		return true;
	}
}
