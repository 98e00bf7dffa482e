package io.edgestudio.dsl.generator;

/** A solution that cannot be turned into a manifest, such as createOptions beyond the chunk limit. */
public class GeneratorException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** An exception with a message for the user. */
	public GeneratorException(String message) {
		super(message);
	}
}
