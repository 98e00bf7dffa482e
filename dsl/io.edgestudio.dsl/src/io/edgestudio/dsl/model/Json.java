package io.edgestudio.dsl.model;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls as compact JSON, the form the
 * deployment manifest stores createOptions in.
 */
public final class Json {

	private Json() {
	}

	/** The compact JSON text of a value. */
	public static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private static void write(Object value, StringBuilder out) {
		switch (value) {
			case null -> out.append("null");
			case Map<?, ?> map -> writeEntries(map.entrySet().iterator(), out);
			case List<?> list -> {
				out.append('[');
				for (int i = 0; i < list.size(); i++) {
					out.append(i == 0 ? "" : ",");
					write(list.get(i), out);
				}
				out.append(']');
			}
			case BigDecimal number -> out.append(number.toPlainString());
			case Number number -> out.append(number);
			case Boolean bool -> out.append(bool);
			default -> quote(value.toString(), out);
		}
	}

	private static void writeEntries(Iterator<? extends Map.Entry<?, ?>> entries, StringBuilder out) {
		out.append('{');
		boolean first = true;
		while (entries.hasNext()) {
			Map.Entry<?, ?> entry = entries.next();
			out.append(first ? "" : ",");
			first = false;
			quote(String.valueOf(entry.getKey()), out);
			out.append(':');
			write(entry.getValue(), out);
		}
		out.append('}');
	}

	/**
	 * A double-quoted JSON string: quotes, backslashes, line feeds, carriage returns and tabs backslash-escaped,
	 * other control characters as four-digit Unicode escapes. Each of these escapes means the same in a Java
	 * string literal, so the Java generator quotes its strings with this too.
	 */
	public static String quote(String text) {
		StringBuilder out = new StringBuilder();
		quote(text, out);
		return out.toString();
	}

	private static void quote(String text, StringBuilder out) {
		out.append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					} else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}
}
