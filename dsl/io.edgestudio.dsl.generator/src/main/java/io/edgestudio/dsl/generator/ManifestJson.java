package io.edgestudio.dsl.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The text form of generated manifests: keys in insertion order, two-space indent, {@code "key": value},
 * {@code "\n"} line ends whatever the platform, and a trailing newline, so regeneration is byte-stable.
 */
public final class ManifestJson {

	/** The node factory of generated trees. */
	public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final ObjectWriter WRITER = writer();

	private ManifestJson() {
	}

	/** A new empty object node. */
	public static ObjectNode object() {
		return NODES.objectNode();
	}

	/** The manifest text of a JSON tree, ending with a newline. */
	public static String write(JsonNode node) {
		try {
			return WRITER.writeValueAsString(node) + "\n";
		} catch (JsonProcessingException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static ObjectWriter writer() {
		DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
		Separators separators = Separators.createDefaultInstance()
				.withObjectFieldValueSpacing(Separators.Spacing.AFTER)
				.withObjectEmptySeparator("")
				.withArrayEmptySeparator("");
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
				.withObjectIndenter(indenter)
				.withArrayIndenter(indenter);
		return new ObjectMapper().writer(printer);
	}
}
