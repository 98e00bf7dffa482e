package io.edgestudio.dsl.generator.csharp;

import io.edgestudio.dsl.edge.DataTypeRef;
import io.edgestudio.dsl.edge.EnumType;
import io.edgestudio.dsl.edge.MessageType;
import io.edgestudio.dsl.edge.PrimitiveTypeRef;
import io.edgestudio.dsl.edge.TypeRef;
import java.util.Set;

/**
 * .edge types and names in C#: {@code bool}, {@code int}, {@code long}, {@code double}, {@code string},
 * {@code DateTimeOffset}, {@code List<T>}, nullable when optional; messages are records, enums C# enums whose
 * members are the names as written (System.Text.Json writes them as strings). Properties are PascalCase with the
 * JSON name as written.
 */
final class CSharpTypes {

	private static final Set<String> KEYWORDS = Set.of("abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char",
			"checked", "class", "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event",
			"explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
			"interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
			"params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof",
			"stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong",
			"unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while");

	private CSharpTypes() {
	}

	static String pascal(String name) {
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	/** A property name: PascalCase, and not the name of its enclosing type (C# forbids that). */
	static String property(String name, String enclosing) {
		String pascal = pascal(name);
		return pascal.equals(enclosing) ? pascal + "Value" : pascal;
	}

	/** An identifier as written, {@code @}-escaped when it is a keyword. */
	static String identifier(String name) {
		return KEYWORDS.contains(name) ? "@" + name : name;
	}

	static String type(TypeRef type, boolean list, boolean optional) {
		String element = switch (type) {
			case PrimitiveTypeRef p -> switch (p.getPrimitive()) {
				case BOOL -> "bool";
				case INT -> "int";
				case LONG -> "long";
				case DOUBLE -> "double";
				case STRING -> "string";
				case DATETIME -> "DateTimeOffset";
			};
			case DataTypeRef d when d.getType() instanceof MessageType m -> m.getName();
			case DataTypeRef d when d.getType() instanceof EnumType e -> e.getName();
			default -> "JsonElement";
		};
		return (list ? "List<" + element + ">" : element) + (optional ? "?" : "");
	}

	static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	/** A documentation comment, or nothing. */
	static String summary(String text, String indent) {
		return text == null || text.isBlank() ? ""
				: indent + "/// <summary>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</summary>\n";
	}
}
