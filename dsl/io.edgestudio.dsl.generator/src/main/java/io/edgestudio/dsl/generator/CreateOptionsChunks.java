package io.edgestudio.dsl.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.dsl.model.CreateOptions;

/**
 * The createOptions chunking rule of edgeAgent: a string longer than 512 characters is split into
 * {@code createOptions}, {@code createOptions01}, {@code createOptions02}, ... of 512 characters each,
 * at most eight chunks as the IoT Edge tooling generates.
 */
public final class CreateOptionsChunks {

	private CreateOptionsChunks() {
	}

	/** Adds the chunks of {@code options} to a module's {@code settings}; fails beyond eight chunks. */
	public static void put(ObjectNode settings, String options, String module) {
		int chunks = Math.max(1, (options.length() + CreateOptions.CHUNK_SIZE - 1) / CreateOptions.CHUNK_SIZE);
		if (chunks > CreateOptions.MAX_CHUNKS) {
			throw new GeneratorException("createOptions of " + module + " are " + options.length()
					+ " characters, over the " + CreateOptions.MAX_CHUNKS * CreateOptions.CHUNK_SIZE + " a manifest can carry");
		}
		for (int i = 0; i < chunks; i++) {
			int end = Math.min(options.length(), (i + 1) * CreateOptions.CHUNK_SIZE);
			settings.put(key(i), options.substring(i * CreateOptions.CHUNK_SIZE, end));
		}
	}

	/** The key of chunk {@code index}: {@code createOptions}, then {@code createOptions01}... */
	public static String key(int index) {
		return index == 0 ? "createOptions" : String.format("createOptions%02d", index);
	}
}
