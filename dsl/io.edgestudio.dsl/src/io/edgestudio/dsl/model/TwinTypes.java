package io.edgestudio.dsl.model;

import io.edgestudio.dsl.edge.BooleanLiteral;
import io.edgestudio.dsl.edge.Constraint;
import io.edgestudio.dsl.edge.DataType;
import io.edgestudio.dsl.edge.DataTypeRef;
import io.edgestudio.dsl.edge.EnumType;
import io.edgestudio.dsl.edge.Field;
import io.edgestudio.dsl.edge.LengthConstraint;
import io.edgestudio.dsl.edge.Literal;
import io.edgestudio.dsl.edge.MessageType;
import io.edgestudio.dsl.edge.NumberLiteral;
import io.edgestudio.dsl.edge.PrimitiveType;
import io.edgestudio.dsl.edge.PrimitiveTypeRef;
import io.edgestudio.dsl.edge.RangeConstraint;
import io.edgestudio.dsl.edge.StringLiteral;
import io.edgestudio.dsl.edge.TypeRef;
import io.edgestudio.dsl.edge.ValuesConstraint;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Typing of literal values (twin defaults and allowed values) against schema types.
 */
public final class TwinTypes {

	private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
	private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
	private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
	private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

	private TwinTypes() {
	}

	/** Whether the type is int, long or double. */
	public static boolean isNumeric(TypeRef type) {
		PrimitiveType p = primitive(type);
		return p == PrimitiveType.INT || p == PrimitiveType.LONG || p == PrimitiveType.DOUBLE;
	}

	/** Whether the type is string. */
	public static boolean isString(TypeRef type) {
		return primitive(type) == PrimitiveType.STRING;
	}

	/** Whether a literal is a value of the type. Unresolved types accept anything. */
	public static boolean isOfType(Literal literal, TypeRef type) {
		if (type instanceof DataTypeRef ref) {
			DataType target = ref.getType();
			if (target == null || target.eIsProxy()) {
				return true;
			}
			return target instanceof EnumType e && literal instanceof StringLiteral s
					&& e.getLiterals().stream().anyMatch(l -> l.getName().equals(s.getValue()));
		}
		return switch (primitive(type)) {
			case BOOL -> literal instanceof BooleanLiteral;
			case INT -> literal instanceof NumberLiteral n && isIntegral(n.getValue(), INT_MIN, INT_MAX);
			case LONG -> literal instanceof NumberLiteral n && isIntegral(n.getValue(), LONG_MIN, LONG_MAX);
			case DOUBLE -> literal instanceof NumberLiteral;
			case STRING -> literal instanceof StringLiteral;
			case DATETIME -> literal instanceof StringLiteral s && isDateTime(s.getValue());
			case null -> true;
		};
	}

	/** Why a literal breaks a constraint, such as "is above 150", or empty if it does not. */
	public static Optional<String> violation(Literal literal, Constraint constraint) {
		if (constraint instanceof RangeConstraint range && literal instanceof NumberLiteral n) {
			if (range.getMin() != null && n.getValue().compareTo(range.getMin()) < 0) {
				return Optional.of("is below " + range.getMin().toPlainString());
			}
			if (range.getMax() != null && n.getValue().compareTo(range.getMax()) > 0) {
				return Optional.of("is above " + range.getMax().toPlainString());
			}
		}
		if (constraint instanceof LengthConstraint length && literal instanceof StringLiteral s) {
			int size = s.getValue().length();
			if (length.getMin() != null && size < length.getMin() || length.getMax() != null && size > length.getMax()) {
				return Optional.of("has " + size + " characters, outside " + length.getMin() + ".." + length.getMax());
			}
		}
		if (constraint instanceof ValuesConstraint values
				&& values.getValues().stream().noneMatch(v -> text(v).equals(text(literal)))) {
			return Optional.of("is not one of the allowed values");
		}
		return Optional.empty();
	}

	/** The first list field of a message or of a message nested in it. */
	public static Optional<Field> listField(MessageType message) {
		return listField(message, new HashSet<>());
	}

	private static Optional<Field> listField(MessageType message, Set<MessageType> seen) {
		if (!seen.add(message)) {
			return Optional.empty();
		}
		for (Field field : message.getFields()) {
			if (field.isList()) {
				return Optional.of(field);
			}
			if (field.getType() instanceof DataTypeRef ref && ref.getType() instanceof MessageType nested) {
				Optional<Field> inner = listField(nested, seen);
				if (inner.isPresent()) {
					return inner;
				}
			}
		}
		return Optional.empty();
	}

	/** A type for messages: "a double", "the enum Mode". */
	public static String describe(TypeRef type) {
		if (type instanceof DataTypeRef ref && ref.getType() != null && !ref.getType().eIsProxy()) {
			return (ref.getType() instanceof EnumType ? "a value of enum " : "a ")
					+ ((io.edgestudio.dsl.edge.Element) ref.getType()).getName();
		}
		PrimitiveType p = primitive(type);
		return p == null ? "of unknown type" : (p == PrimitiveType.INT ? "an " : "a ") + p.getLiteral();
	}

	/** A literal as written. */
	public static String text(Literal literal) {
		return switch (literal) {
			case StringLiteral s -> "\"" + s.getValue() + "\"";
			case NumberLiteral n -> n.getValue().toPlainString();
			case BooleanLiteral b -> Boolean.toString(b.isValue());
			default -> "?";
		};
	}

	private static PrimitiveType primitive(TypeRef type) {
		return type instanceof PrimitiveTypeRef p ? p.getPrimitive() : null;
	}

	private static boolean isIntegral(BigDecimal value, BigDecimal min, BigDecimal max) {
		return value.stripTrailingZeros().scale() <= 0 && value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
	}

	private static boolean isDateTime(String text) {
		try {
			OffsetDateTime.parse(text);
			return true;
		} catch (DateTimeParseException e) {
			return false;
		}
	}
}
