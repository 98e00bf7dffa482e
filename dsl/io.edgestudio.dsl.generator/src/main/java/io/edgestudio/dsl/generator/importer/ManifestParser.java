package io.edgestudio.dsl.generator.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Reads manifest JSON exactly: decimals as written, a syntax error reported with its line and column. */
final class ManifestParser {

	static final ObjectMapper MAPPER = JsonMapper.builder()
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(JsonParser.Feature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
			.build();

	private ManifestParser() {
	}

	/** The JSON tree of a text; {@code where} names it in errors (a pointer for embedded JSON, empty for a file). */
	static JsonNode parse(String text, String where) {
		try {
			JsonNode node = MAPPER.readTree(text);
			if (node == null || node.isMissingNode()) {
				throw new ImportException(where, "no JSON value");
			}
			return node;
		} catch (JsonProcessingException e) {
			var location = e.getLocation();
			String place = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
			throw new ImportException(where, "not valid JSON" + place + ": " + e.getOriginalMessage());
		}
	}
}
