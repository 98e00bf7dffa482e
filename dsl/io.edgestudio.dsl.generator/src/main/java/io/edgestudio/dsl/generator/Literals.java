package io.edgestudio.dsl.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import io.edgestudio.dsl.edge.BooleanLiteral;
import io.edgestudio.dsl.edge.Literal;
import io.edgestudio.dsl.edge.NumberLiteral;
import io.edgestudio.dsl.edge.StringLiteral;
import java.math.BigDecimal;

/** JSON values of .edge literals (env values, twin defaults). */
final class Literals {

	private Literals() {
	}

	/** A string, boolean or number node; integral numbers are written without a fraction. */
	static JsonNode toJson(Literal literal) {
		return switch (literal) {
			case StringLiteral s -> ManifestJson.NODES.textNode(s.getValue());
			case BooleanLiteral b -> ManifestJson.NODES.booleanNode(b.isValue());
			case NumberLiteral n -> number(n.getValue());
			default -> ManifestJson.NODES.nullNode();
		};
	}

	private static JsonNode number(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.scale() <= 0) {
			try {
				return ManifestJson.NODES.numberNode(stripped.longValueExact());
			} catch (ArithmeticException e) {
				return ManifestJson.NODES.numberNode(stripped.toBigIntegerExact());
			}
		}
		// Not the factory: it would strip trailing zeros, and the manifest keeps numbers as written.
		return DecimalNode.valueOf(value);
	}
}
