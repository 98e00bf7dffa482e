package io.edgestudio.launch.internal.view;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.edgestudio.dsl.edge.DataTypeRef;
import io.edgestudio.dsl.edge.EnumType;
import io.edgestudio.dsl.edge.Field;
import io.edgestudio.dsl.edge.MessageType;
import io.edgestudio.dsl.edge.PrimitiveTypeRef;
import io.edgestudio.dsl.edge.TypeRef;

/**
 * A message to start editing from, built from a port's message schema: every field present with a neutral value
 * (numbers 0, strings empty, datetimes now, enums their first literal, lists one element). Untyped ports get
 * {@code {}}.
 */
final class MessageSamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 5;

    private MessageSamples() {
    }

    static JsonNode of(MessageType type) {
        return type == null ? NODES.objectNode() : message(type, 0);
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
                case BOOL -> NODES.booleanNode(false);
                case INT, LONG -> NODES.numberNode(0);
                case DOUBLE -> NODES.numberNode(0.0);
                case STRING -> NODES.textNode("");
                case DATETIME -> NODES.textNode(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            };
            case DataTypeRef d when d.getType() instanceof EnumType e && !e.getLiterals().isEmpty() ->
                NODES.textNode(e.getLiterals().getFirst().getName());
            case DataTypeRef d when d.getType() instanceof MessageType m -> message(m, depth);
            default -> NODES.nullNode();
        };
    }
}
