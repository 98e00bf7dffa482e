package io.edgestudio.dsl.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractNullSafeConverter;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Value converters for the .edge data type rules: durations become seconds, and unsigned integers
 * are parsed as {@code long} because manifest fields go up to 4294967295, beyond {@code int}.
 */
public class EdgeValueConverters extends DefaultTerminalConverters {

	/** Converter for {@code Duration}: {@code 7200}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
	@ValueConverter(rule = "Duration")
	public IValueConverter<Long> duration() {
		return new AbstractNullSafeConverter<>() {
			@Override
			protected Long internalToValue(String text, INode node) {
				char unit = text.charAt(text.length() - 1);
				long factor = switch (unit) {
					case 's' -> 1;
					case 'm' -> 60;
					case 'h' -> 3600;
					case 'd' -> 86400;
					default -> 0;
				};
				String digits = factor == 0 ? text : text.substring(0, text.length() - 1);
				return Math.multiplyExact(parse(digits, node), factor == 0 ? 1 : factor);
			}

			@Override
			protected String internalToString(Long value) {
				return Long.toString(value);
			}
		};
	}

	/** Converter for {@code BigInt}: a non-negative integer that may exceed {@code int}. */
	@ValueConverter(rule = "BigInt")
	public IValueConverter<Long> bigInt() {
		return new AbstractNullSafeConverter<>() {
			@Override
			protected Long internalToValue(String text, INode node) {
				return parse(text, node);
			}

			@Override
			protected String internalToString(Long value) {
				return Long.toString(value);
			}
		};
	}

	private static long parse(String digits, INode node) {
		try {
			return Long.parseLong(digits.trim());
		} catch (NumberFormatException e) {
			throw new ValueConverterException("'" + digits + "' is not a number that fits 64 bits.", node, e);
		}
	}
}
