package io.edgestudio.ui.internal.lsp;

import org.eclipse.lsp4j.Position;

/** LSP positions (0-based line and UTF-16 column) to document offsets and back, on a snapshot of the text. */
public final class Positions {

    private final String text;
    private final int[] lineStarts;

    public Positions(String text) {
        this.text = text;
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        lineStarts = new int[lines];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts[line++] = i + 1;
            }
        }
    }

    /** The offset of {@code position}, clamped to the text. */
    public int offset(Position position) {
        if (position.getLine() >= lineStarts.length) {
            return text.length();
        }
        int start = lineStarts[Math.max(0, position.getLine())];
        int end = position.getLine() + 1 < lineStarts.length ? lineStarts[position.getLine() + 1] : text.length();
        return Math.min(start + Math.max(0, position.getCharacter()), end);
    }

    /** The position of {@code offset}. */
    public Position position(int offset) {
        int line = 0;
        int low = 0;
        int high = lineStarts.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (lineStarts[mid] <= offset) {
                line = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return new Position(line, offset - lineStarts[line]);
    }
}
