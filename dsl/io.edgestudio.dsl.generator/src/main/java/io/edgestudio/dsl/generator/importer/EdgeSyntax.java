package io.edgestudio.dsl.generator.importer;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * How names and values are spelled in .edge text: identifiers (with {@code ^} before a keyword), the
 * names that may also be keywords ({@code ValidID}), string literals and durations.
 */
final class EdgeSyntax {

	/** Every keyword of the .edge grammar that looks like a word. */
	static final Set<String> KEYWORDS = Set.of("always", "amd64", "arm32v7", "arm64v8", "bind", "bool", "createOptions",
			"csharp", "datetime", "desired", "device", "double", "edgeAgent", "edgeHub", "enum", "env", "false", "image",
			"imagePullPolicy", "import", "input", "int", "java", "length", "long", "message", "module", "never", "null",
			"output", "package", "password", "platform", "port", "priority", "privileged", "python", "range", "readonly",
			"registry", "reported", "restartPolicy", "route", "running", "schema", "solution", "startupOrder", "status",
			"stopped", "storeAndForward", "string", "tcp", "to", "true", "ttl", "twin", "udp", "unit", "username", "values",
			"version", "where");

	/** Keywords the grammar also accepts as names of ports, fields and twin members ({@code ValidID}). */
	static final Set<String> NAME_KEYWORDS = Set.of("status", "device", "running", "stopped", "version", "image", "schema",
			"platform", "unit", "port", "env", "input", "output", "values", "range", "length", "priority", "ttl", "message",
			"module", "route", "twin", "desired", "reported", "bind", "to", "readonly", "privileged", "always", "never",
			"username", "password", "tcp", "udp", "java", "python", "csharp", "where", "enum", "registry", "solution",
			"package", "import");

	private static final Pattern ID = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

	private EdgeSyntax() {
	}

	/** Whether {@code name} can be written as an identifier (an element's name), maybe with {@code ^}. */
	static boolean isId(String name) {
		return ID.matcher(name).matches();
	}

	/** An element name as written: {@code ^} before a keyword. Only for names where {@link #isId} holds. */
	static String id(String name) {
		return KEYWORDS.contains(name) ? "^" + name : name;
	}

	/** Whether {@code name} can be written as the name of a port or twin member ({@code ValidID}). */
	static boolean isMemberName(String name) {
		return isId(name) && (!KEYWORDS.contains(name) || NAME_KEYWORDS.contains(name));
	}

	/** The closest identifier: other characters become {@code _}, a leading digit gets {@code _} before it. */
	static String toId(String name) {
		String id = name.replaceAll("[^a-zA-Z0-9_]", "_");
		return id.isEmpty() || Character.isDigit(id.charAt(0)) ? "_" + id : id;
	}

	/** A double-quoted string literal; quotes, backslashes and control characters escaped. */
	static String string(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
			}
		}
		return out.append('"').toString();
	}

	/**
	 * A string literal that reads well: single quotes when the value holds double quotes but no single
	 * quote (edgeHub conditions compare with "..."), double quotes otherwise.
	 */
	static String readableString(String value) {
		if (value.contains("\"") && !value.contains("'") && !value.contains("\\")) {
			return "'" + string(value).substring(1, string(value).length() - 1).replace("\\\"", "\"") + "'";
		}
		return string(value);
	}

	/** Seconds as a duration literal: the largest of d, h, m, s that divides them, plain seconds for 0. */
	static String duration(long seconds) {
		if (seconds == 0) {
			return "0";
		}
		if (seconds % 86400 == 0) {
			return seconds / 86400 + "d";
		}
		if (seconds % 3600 == 0) {
			return seconds / 3600 + "h";
		}
		if (seconds % 60 == 0) {
			return seconds / 60 + "m";
		}
		return seconds + "s";
	}
}
