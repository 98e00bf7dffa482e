package io.edgestudio.dsl.model;

/**
 * Maps positions in the value of a string literal to positions in its source text, which differ
 * by the opening quote and by every escape sequence ({@code \"}, {@code \\}, {@code \\uXXXX}).
 */
public final class StringLiteralOffsets {

	private final int[] sourceOffsets;

	/** Offsets for the literal as written, quotes included. */
	public StringLiteralOffsets(String literalSource) {
		int[] offsets = new int[literalSource.length() + 1];
		int value = 0;
		int i = 1; // after the opening quote
		int end = literalSource.length() - 1; // the closing quote
		while (i < end) {
			offsets[value++] = i;
			if (literalSource.charAt(i) == '\\' && i + 1 < end) {
				i += literalSource.charAt(i + 1) == 'u' ? 6 : 2;
			} else {
				i++;
			}
		}
		offsets[value] = Math.max(1, Math.min(i, end));
		sourceOffsets = java.util.Arrays.copyOf(offsets, value + 1);
	}

	/** The source offset, relative to the opening quote, of the value character at {@code valueOffset}. */
	public int sourceOffset(int valueOffset) {
		return sourceOffsets[Math.max(0, Math.min(valueOffset, sourceOffsets.length - 1))];
	}
}
