package io.edgestudio.dsl.generator.importer;

import java.util.ArrayList;
import java.util.List;

/** The warnings and notes of one import, in the order they arose. */
final class ImportLog {

	private final List<ImportWarning> entries = new ArrayList<>();

	void warn(String pointer, String message, String... covers) {
		entries.add(new ImportWarning(pointer, message, false, List.of(covers)));
	}

	void note(String pointer, String message) {
		entries.add(new ImportWarning(pointer, message, true, List.of()));
	}

	List<ImportWarning> entries() {
		return List.copyOf(entries);
	}

	/** The pointer of a child: the key escaped as RFC 6901 says ({@code ~0}, {@code ~1}). */
	static String child(String pointer, String key) {
		return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
	}
}
