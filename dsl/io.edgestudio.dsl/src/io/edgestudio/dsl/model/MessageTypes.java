package io.edgestudio.dsl.model;

import io.edgestudio.dsl.edge.DataType;
import io.edgestudio.dsl.edge.DataTypeRef;
import io.edgestudio.dsl.edge.EnumLiteral;
import io.edgestudio.dsl.edge.EnumType;
import io.edgestudio.dsl.edge.Field;
import io.edgestudio.dsl.edge.MessageType;
import io.edgestudio.dsl.edge.PrimitiveTypeRef;
import io.edgestudio.dsl.edge.TypeRef;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Structural compatibility of message schemas: an output fits an input when every field the input
 * requires is present in the output with a fitting type. Extra output fields are allowed, because
 * a module ignores JSON properties it does not read.
 */
public final class MessageTypes {

	private MessageTypes() {
	}

	/** Whether messages of type {@code produced} can be delivered where {@code expected} is read. */
	public static boolean fits(MessageType produced, MessageType expected) {
		return fits(produced, expected, new HashSet<>());
	}

	/** The first field of {@code expected} that {@code produced} does not provide compatibly. */
	public static Optional<Field> firstMismatch(MessageType produced, MessageType expected) {
		for (Field wanted : expected.getFields()) {
			if (!fieldFits(produced, wanted, new HashSet<>())) {
				return Optional.of(wanted);
			}
		}
		return Optional.empty();
	}

	private static boolean fits(MessageType produced, MessageType expected, Set<List<MessageType>> assumed) {
		if (produced == expected || !assumed.add(List.of(produced, expected))) {
			return true; // same type, or a recursive pair already being compared
		}
		return expected.getFields().stream().allMatch(wanted -> fieldFits(produced, wanted, assumed));
	}

	private static boolean fieldFits(MessageType produced, Field wanted, Set<List<MessageType>> assumed) {
		Field given = produced.getFields().stream()
				.filter(f -> f.getName() != null && f.getName().equals(wanted.getName()))
				.findFirst().orElse(null);
		if (given == null) {
			return wanted.isOptional();
		}
		if (given.isList() != wanted.isList() || given.isOptional() && !wanted.isOptional()) {
			return false;
		}
		return typeFits(given.getType(), wanted.getType(), assumed);
	}

	private static boolean typeFits(TypeRef given, TypeRef wanted, Set<List<MessageType>> assumed) {
		if (given instanceof PrimitiveTypeRef g && wanted instanceof PrimitiveTypeRef w) {
			return g.getPrimitive() == w.getPrimitive();
		}
		if (given instanceof DataTypeRef g && wanted instanceof DataTypeRef w) {
			return dataTypeFits(g.getType(), w.getType(), assumed);
		}
		return false;
	}

	private static boolean dataTypeFits(DataType given, DataType wanted, Set<List<MessageType>> assumed) {
		if (given == null || wanted == null || given.eIsProxy() || wanted.eIsProxy()) {
			return true; // the linker reports unresolved types
		}
		if (given instanceof MessageType g && wanted instanceof MessageType w) {
			return fits(g, w, assumed);
		}
		if (given instanceof EnumType g && wanted instanceof EnumType w) {
			return literals(w).containsAll(literals(g));
		}
		return false;
	}

	private static Set<String> literals(EnumType type) {
		Set<String> names = new HashSet<>();
		for (EnumLiteral literal : type.getLiterals()) {
			names.add(literal.getName());
		}
		return names;
	}
}
