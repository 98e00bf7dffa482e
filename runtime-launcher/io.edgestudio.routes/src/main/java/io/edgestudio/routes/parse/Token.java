package io.edgestudio.routes.parse;

/**
 * One lexed token: its kind, its exact text and where it sits in the text that was lexed.
 *
 * @param type the token kind
 * @param text the exact source text of the token
 * @param offset 0-based offset of the first character
 */
public record Token(TokenType type, String text, int offset) {

    /** Number of characters the token covers. */
    public int length() {
        return text.length();
    }

    /** Offset just past the last character. */
    public int end() {
        return offset + text.length();
    }

    /** Whether this is one of the given kinds. */
    public boolean is(TokenType... types) {
        for (TokenType t : types) {
            if (type == t) {
                return true;
            }
        }
        return false;
    }
}
