package io.edgestudio.dsl.generator.python;

import io.edgestudio.dsl.edge.DataType;
import io.edgestudio.dsl.edge.DataTypeRef;
import io.edgestudio.dsl.edge.EnumType;
import io.edgestudio.dsl.edge.MessageType;
import io.edgestudio.dsl.edge.PrimitiveTypeRef;
import io.edgestudio.dsl.edge.TypeRef;
import java.util.Locale;
import java.util.Set;

/**
 * .edge types and names in Python: {@code bool}, {@code int} (int and long), {@code float}, {@code str},
 * {@code datetime} (ISO-8601 text), {@code list[T]}, {@code Optional[T]}; messages are dataclasses, enums
 * {@code Enum}s whose values are the names as written. JSON conversions are generated per field.
 */
final class PythonTypes {

	private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await", "break",
			"class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
			"is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "self");

	private PythonTypes() {
	}

	/** A field or member name usable in Python: a keyword gets a trailing {@code _}. */
	static String identifier(String name) {
		return KEYWORDS.contains(name) ? name + "_" : name;
	}

	/** {@code snake_case} of a port name, for {@code on_<input>} and {@code send_<output>}. */
	static String snake(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT);
	}

	static String typeName(DataType type) {
		return switch (type) {
			case MessageType m -> m.getName();
			case EnumType e -> e.getName();
			default -> throw new IllegalArgumentException("unknown data type " + type);
		};
	}

	/** The annotation of a value of {@code type}, a list when {@code list}. */
	static String annotation(TypeRef type, boolean list) {
		String element = switch (type) {
			case PrimitiveTypeRef p -> switch (p.getPrimitive()) {
				case BOOL -> "bool";
				case INT, LONG -> "int";
				case DOUBLE -> "float";
				case STRING -> "str";
				case DATETIME -> "datetime";
			};
			case DataTypeRef d -> typeName(d.getType());
			default -> "Any";
		};
		return list ? "list[" + element + "]" : element;
	}

	/** The expression converting the JSON value {@code expr} to {@code type}. */
	static String fromJson(TypeRef type, boolean list, String expr) {
		if (list) {
			return "[" + fromJson(type, false, "item") + " for item in " + expr + "]";
		}
		return switch (type) {
			case PrimitiveTypeRef p -> switch (p.getPrimitive()) {
				case BOOL -> "bool(" + expr + ")";
				case INT, LONG -> "int(" + expr + ")";
				case DOUBLE -> "float(" + expr + ")";
				case STRING -> "str(" + expr + ")";
				case DATETIME -> "datetime.fromisoformat(" + expr + ")";
			};
			case DataTypeRef d when d.getType() instanceof MessageType m -> m.getName() + ".from_dict(" + expr + ")";
			case DataTypeRef d -> typeName(d.getType()) + "(" + expr + ")";
			default -> expr;
		};
	}

	/** The expression converting {@code expr} of {@code type} to its JSON value. */
	static String toJson(TypeRef type, boolean list, String expr) {
		if (list) {
			return "[" + toJson(type, false, "item") + " for item in " + expr + "]";
		}
		return switch (type) {
			case PrimitiveTypeRef p when p.getPrimitive() == io.edgestudio.dsl.edge.PrimitiveType.DATETIME -> expr + ".isoformat()";
			case DataTypeRef d when d.getType() instanceof MessageType -> expr + ".to_dict()";
			case DataTypeRef d -> expr + ".value";
			default -> expr;
		};
	}

	/** A Python string literal. */
	static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}
}
