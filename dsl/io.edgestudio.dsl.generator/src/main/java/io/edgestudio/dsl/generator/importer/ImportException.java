package io.edgestudio.dsl.generator.importer;

/** A manifest that cannot be imported: malformed JSON or a value of the wrong shape, at a JSON pointer. */
public class ImportException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String pointer;

	/** An error at {@code pointer} (a JSON pointer, or {@code line:col} for JSON syntax errors). */
	public ImportException(String pointer, String message) {
		super(message);
		this.pointer = pointer;
	}

	/** Where the error is. */
	public String pointer() {
		return pointer;
	}

	/** The line printed for it: {@code <file>:<pointer>: error: <message>}. */
	public String format(String file) {
		return file + ":" + (pointer.isEmpty() ? "/" : pointer) + ": error: " + getMessage();
	}
}
