package io.edgestudio.dsl.generator.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Reading manifest objects with errors at JSON pointers. */
final class Json {

	private Json() {
	}

	/**
	 * The members of one manifest object: typed getters that fail with the member's pointer, and a warning for
	 * every member nobody read, so nothing is dropped silently.
	 */
	static final class Fields {

		private final ObjectNode node;
		private final String pointer;
		private final ImportLog log;
		private final Set<String> read = new HashSet<>();

		Fields(ObjectNode node, String pointer, ImportLog log) {
			this.node = node;
			this.pointer = pointer;
			this.log = log;
		}

		String pointer() {
			return pointer;
		}

		boolean has(String key) {
			read.add(key);
			return node.has(key);
		}

		JsonNode value(String key) {
			read.add(key);
			return node.get(key);
		}

		/** A string member, null when absent. */
		String text(String key) {
			JsonNode value = value(key);
			if (value == null) {
				return null;
			}
			if (!value.isTextual()) {
				throw new ImportException(ImportLog.child(pointer, key), key + " must be a string");
			}
			return value.textValue();
		}

		String requiredText(String key) {
			String value = text(key);
			if (value == null) {
				throw new ImportException(ImportLog.child(pointer, key), "missing " + key);
			}
			return value;
		}

		/** An object member, empty when absent. */
		Optional<ObjectNode> object(String key) {
			JsonNode value = value(key);
			if (value == null) {
				return Optional.empty();
			}
			if (!value.isObject()) {
				throw new ImportException(ImportLog.child(pointer, key), key + " must be an object");
			}
			return Optional.of((ObjectNode) value);
		}

		ObjectNode requiredObject(String key) {
			return object(key).orElseThrow(() -> new ImportException(ImportLog.child(pointer, key), "missing " + key));
		}

		/** Marks the members whose names match as read. */
		void markAll(Predicate<String> names) {
			node.fieldNames().forEachRemaining(name -> {
				if (names.test(name)) {
					read.add(name);
				}
			});
		}

		/** A warning for each member not read. */
		void warnUnknown() {
			for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
				String name = it.next();
				if (!read.contains(name)) {
					log.warn(ImportLog.child(pointer, name), "'" + name + "' has no place in a .edge solution; left out");
				}
			}
		}
	}
}
