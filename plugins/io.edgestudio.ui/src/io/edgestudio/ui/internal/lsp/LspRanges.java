package io.edgestudio.ui.internal.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Stores an LSP range in a marker attribute ({@code "line:col-line:col"}) and reads it back. */
public final class LspRanges {

    private LspRanges() {
    }

    public static String format(Range range) {
        return range.getStart().getLine() + ":" + range.getStart().getCharacter() + "-"
                + range.getEnd().getLine() + ":" + range.getEnd().getCharacter();
    }

    /** The range, or null when {@code text} is not one this class wrote. */
    public static Range parse(String text) {
        if (text == null) {
            return null;
        }
        String[] ends = text.split("-");
        if (ends.length != 2) {
            return null;
        }
        Position start = position(ends[0]);
        Position end = position(ends[1]);
        return start == null || end == null ? null : new Range(start, end);
    }

    private static Position position(String text) {
        String[] parts = text.split(":");
        try {
            return parts.length == 2 ? new Position(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
