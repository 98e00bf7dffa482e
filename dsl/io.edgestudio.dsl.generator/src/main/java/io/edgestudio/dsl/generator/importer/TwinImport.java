package io.edgestudio.dsl.generator.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * A module's {@code properties.desired} section as a twin schema: each value becomes a desired member whose type
 * is inferred from it (string, bool, int, long, double) and whose default is the value; objects become nested
 * members. What a twin schema cannot hold (arrays, nulls, names .edge cannot spell) is left out with a warning.
 */
final class TwinImport {

	private TwinImport() {
	}

	/** The representable part of {@code desired} (a copy); warnings for the rest. */
	static ObjectNode representable(ObjectNode desired, String pointer, ImportLog log) {
		ObjectNode kept = ManifestParser.MAPPER.createObjectNode();
		for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> member = it.next();
			String at = ImportLog.child(pointer, member.getKey());
			JsonNode value = member.getValue();
			if (!EdgeSyntax.isMemberName(member.getKey())) {
				log.warn(at, "'" + member.getKey() + "' cannot be a twin member name in .edge (an identifier "
						+ "that is not a type or value keyword); left out of the twin schema, set it in the cloud instead");
			} else if (value.isArray()) {
				log.warn(at, "module twins cannot hold arrays (IoT Hub rejects them); left out of the twin schema");
			} else if (value.isNull()) {
				log.warn(at, "a null desired property only deletes a property; left out of the twin schema");
			} else if (value.isObject()) {
				if (value.isEmpty()) {
					log.warn(at, "an empty object is kept in the twin schema, but the generated manifest leaves empty objects out");
				}
				kept.set(member.getKey(), representable((ObjectNode) value, at, log));
			} else if (value.isNumber() && type(value) == null) {
				log.warn(at, "the number " + value + " does not fit a twin property type (int, long, double); left out");
			} else {
				kept.set(member.getKey(), value);
			}
		}
		return kept;
	}

	/** The .edge type of a scalar: {@code string}, {@code bool}, {@code int}, {@code long} or {@code double}; null if none fits. */
	static String type(JsonNode value) {
		if (value.isTextual()) {
			return "string";
		}
		if (value.isBoolean()) {
			return "bool";
		}
		if (value.isIntegralNumber() || value.isBigDecimal() && isIntegral(value.decimalValue()) && value.decimalValue().scale() <= 0) {
			if (value.canConvertToInt()) {
				return "int";
			}
			return value.canConvertToLong() ? "long" : null;
		}
		if (value.isNumber()) {
			return Double.isFinite(value.doubleValue()) ? "double" : null;
		}
		return null;
	}

	private static boolean isIntegral(BigDecimal value) {
		return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
	}
}
