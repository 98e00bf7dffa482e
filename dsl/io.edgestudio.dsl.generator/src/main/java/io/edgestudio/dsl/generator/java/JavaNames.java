package io.edgestudio.dsl.generator.java;

import io.edgestudio.dsl.edge.DataType;
import io.edgestudio.dsl.edge.DataTypeRef;
import io.edgestudio.dsl.edge.EnumType;
import io.edgestudio.dsl.edge.MessageType;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.PrimitiveTypeRef;
import io.edgestudio.dsl.edge.TypeRef;
import io.edgestudio.dsl.model.Json;
import java.util.Locale;
import java.util.Set;

/**
 * Java names and types of .edge elements in a generated module: the package is the lowercase module
 * name, classes start with a capital, record components and methods with a small letter, and a name
 * that is a Java keyword gets a trailing underscore (the JSON name stays as written).
 */
final class JavaNames {

	private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
			"catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
			"final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
			"interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
			"static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
			"void", "volatile", "while", "true", "false", "null", "_", "record", "yield", "var");

	private JavaNames() {
	}

	/** The Java package of a module's classes. */
	static String packageOf(Module module) {
		return escape(module.getName().toLowerCase(Locale.ROOT));
	}

	/** The package as a source path ({@code src/main/java/<this>/}). */
	static String packagePath(Module module) {
		return packageOf(module).replace('.', '/');
	}

	/** A class name: the name with a capital first letter. */
	static String type(String name) {
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	/** A component, field or parameter name: the name with a small first letter, keywords escaped. */
	static String member(String name) {
		return escape(Character.toLowerCase(name.charAt(0)) + name.substring(1));
	}

	/** An enum constant: the literal as written, keywords escaped. */
	static String constant(String name) {
		return escape(name);
	}

	/** Whether a name is a Java keyword or literal. */
	static String escape(String name) {
		return KEYWORDS.contains(name) ? name + "_" : name;
	}

	/** The Java type of a port's message: its record, or {@code JsonNode} for an untyped port. */
	static String messageType(MessageType type) {
		return type == null ? "JsonNode" : type(type.getName());
	}

	/** The Java type of a type reference, boxed when it may be absent (optional fields, twin members). */
	static String javaType(TypeRef ref, boolean boxed) {
		return switch (ref) {
			case PrimitiveTypeRef p -> switch (p.getPrimitive()) {
				case BOOL -> boxed ? "Boolean" : "boolean";
				case INT -> boxed ? "Integer" : "int";
				case LONG -> boxed ? "Long" : "long";
				case DOUBLE -> boxed ? "Double" : "double";
				case STRING -> "String";
				case DATETIME -> "OffsetDateTime";
			};
			case DataTypeRef d -> type(name(d.getType()));
			default -> throw new IllegalArgumentException("unknown type " + ref);
		};
	}

	/** The name of a message or enum. */
	static String name(DataType type) {
		return switch (type) {
			case MessageType m -> m.getName();
			case EnumType e -> e.getName();
			default -> throw new IllegalArgumentException("unknown data type " + type);
		};
	}

	/** A Java string literal: the JSON string form, whose escapes are all Java escapes too. */
	static String quote(String text) {
		return Json.quote(text);
	}
}
