package io.edgestudio.dsl.generator.importer;

import java.util.List;

/**
 * Something of the imported manifest that the .edge solution does not carry as it was, or that the user
 * should know about it.
 *
 * @param pointer the JSON pointer (RFC 6901) of the manifest value concerned, e.g.
 *        {@code /modulesContent/$edgeAgent/properties.desired/modules/filter/settings/image}
 * @param message what happened and what to do
 * @param note true for information only (nothing lost), false for a warning
 * @param covers further pointers the change affects in the generated manifest (such as a renamed key)
 */
public record ImportWarning(String pointer, String message, boolean note, List<String> covers) {

	/** The line printed for it: {@code <file>:<pointer>: warning|note: <message>}. */
	public String format(String file) {
		return file + ":" + (pointer.isEmpty() ? "/" : pointer) + ": " + (note ? "note" : "warning") + ": " + message;
	}
}
