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
 * Sample JSON for the generated unit test: every field set (optional ones too), so a round trip through
 * the records covers them all. A long is larger than an int so that it stays a long in a JSON tree.
 */
final class SampleJson {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	/** Nesting depth after which a recursive message is left null. */
	private static final int MAX_DEPTH = 4;

	private SampleJson() {
	}

	/** A sample of a message ({@code {}} for an untyped port). */
	static String message(MessageType type) {
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
			case DataTypeRef d when d.getType() instanceof EnumType e -> NODES.textNode(e.getLiterals().getFirst().getName());
			case DataTypeRef d -> message((MessageType) d.getType(), depth);
			default -> NODES.nullNode();
		};
	}
}
