package io.edgestudio.dsl.generator.java;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.dsl.edge.DataTypeRef;
import io.edgestudio.dsl.edge.EnumType;
import io.edgestudio.dsl.edge.Field;
import io.edgestudio.dsl.edge.MessageType;
import io.edgestudio.dsl.edge.PrimitiveTypeRef;
import io.edgestudio.dsl.edge.TwinDirection;
import io.edgestudio.dsl.edge.TwinMember;
import io.edgestudio.dsl.edge.TwinObject;
import io.edgestudio.dsl.edge.TwinProperty;
import io.edgestudio.dsl.edge.TwinSchema;
import io.edgestudio.dsl.edge.TwinValue;
import io.edgestudio.dsl.edge.TypeRef;
import java.util.List;

/**
 * Sample JSON of a message or twin schema: every field set (optional ones too). The generated unit tests use
 * it so that a round trip through the records covers every field (a long is larger than an int so that it stays
 * a long in a JSON tree); the IDE's Edge view prefills a message to an input with it. A schema that does not
 * resolve yet (while it is being edited) leaves the value null.
 */
public final class SampleJson {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	/** Nesting depth after which a recursive message is left null. */
	private static final int MAX_DEPTH = 4;

	private SampleJson() {
	}

	/**
	 * A sample of a message.
	 *
	 * @param type the message schema; null for an untyped port
	 * @return compact JSON text, {@code {}} for an untyped port
	 */
	public static String message(MessageType type) {
		return type == null ? "{}" : message(type, 0).toString();
	}

	/** A desired-properties patch setting every desired member of a twin. */
	static ObjectNode desired(TwinSchema twin) {
		return members(twin.getProperties().stream().filter(p -> p.getDirection() == TwinDirection.DESIRED)
				.map(TwinProperty::getMember).toList());
	}

	private static ObjectNode members(List<TwinMember> members) {
		ObjectNode node = NODES.objectNode();
		for (TwinMember member : members) {
			switch (member) {
				case TwinValue value -> node.set(value.getName(), value(value.getType(), 0));
				case TwinObject object -> node.set(object.getName(), members(object.getMembers()));
				default -> {
				}
			}
		}
		return node;
	}

	private static JsonNode message(MessageType type, int depth) {
		if (depth > MAX_DEPTH) {
			return NODES.nullNode();
		}
		ObjectNode node = NODES.objectNode();
		for (Field field : type.getFields()) {
			JsonNode value = value(field.getType(), depth + 1);
			node.set(field.getName(), field.isList() ? NODES.arrayNode().add(value) : value);
		}
		return node;
	}

	private static JsonNode value(TypeRef ref, int depth) {
		return switch (ref) {
			case PrimitiveTypeRef p -> switch (p.getPrimitive()) {
				case BOOL -> NODES.booleanNode(true);
				case INT -> NODES.numberNode(7);
				case LONG -> NODES.numberNode(10_000_000_000L);
				case DOUBLE -> NODES.numberNode(1.5);
				case STRING -> NODES.textNode("text");
				case DATETIME -> NODES.textNode("2024-01-02T03:04:05Z");
			};
			case DataTypeRef d when d.getType() instanceof EnumType e && !e.getLiterals().isEmpty() ->
				NODES.textNode(e.getLiterals().getFirst().getName());
			case DataTypeRef d when d.getType() instanceof MessageType m && !m.eIsProxy() -> message(m, depth);
			case null, default -> NODES.nullNode();
		};
	}
}
