package io.edgestudio.routes;

/**
 * A route or condition was rejected. It carries what kind of rule was broken and exactly where: a 0-based
 * offset and length into the text that was passed in, and the same start as a 1-based line and column.
 */
public class RouteLanguageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The rule a rejected route or condition broke. */
    public enum Kind {
        /** The text does not follow the grammar. */
        SYNTAX,
        /** Operand or argument types do not fit the operator or function. */
        TYPE,
        /** The function does not exist (or is not available for the route's source). */
        UNKNOWN_FUNCTION,
        /** The function exists but not with that number of arguments. */
        ARITY,
        /** The {@code $body} path is not a supported JSONPath ({@code a.b[0]} segments only). */
        UNSUPPORTED_BODY_QUERY,
        /** The sink is neither {@code $upstream} nor a well-formed {@code BrokeredEndpoint}. */
        INVALID_SINK,
        /** The route has no source. */
        INVALID_SOURCE
    }

    private final Kind kind;
    private final int offset;
    private final int length;
    private final int line;
    private final int column;
    private final String reason;

    /**
     * @param kind the broken rule
     * @param reason what is wrong, without position
     * @param text the text that was passed in (used to derive line and column)
     * @param offset 0-based offset of the offending span in {@code text}
     * @param length length of the offending span
     */
    public RouteLanguageException(Kind kind, String reason, String text, int offset, int length) {
        this(kind, reason, offset, length, lineOf(text, offset), columnOf(text, offset));
    }

    /** The same error with more context in front of the message, e.g. which route it is in. */
    protected RouteLanguageException(String context, RouteLanguageException error) {
        super(context + ": " + error.getMessage(), error);
        this.kind = error.kind;
        this.reason = error.reason;
        this.offset = error.offset;
        this.length = error.length;
        this.line = error.line;
        this.column = error.column;
    }

    private RouteLanguageException(Kind kind, String reason, int offset, int length, int line, int column) {
        super(line + ":" + column + ": " + reason);
        this.kind = kind;
        this.reason = reason;
        this.offset = offset;
        this.length = length;
        this.line = line;
        this.column = column;
    }

    /** The same error, moved to where the checked fragment starts inside a larger text. */
    public RouteLanguageException relocate(String enclosingText, int fragmentOffset) {
        return new RouteLanguageException(kind, reason, enclosingText, fragmentOffset + offset, length);
    }

    public Kind kind() {
        return kind;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnOf(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', Math.min(offset, text.length()) - 1) + 1;
        return offset - lineStart + 1;
    }
}
