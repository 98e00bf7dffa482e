package io.edgestudio.routes.parse;

/**
 * Measures string literals the way the reference lexer does: {@code "..."} or {@code '...'} with the escapes
 * {@code \" \' \\ \\uXXXX} only. A backslash followed by anything else ends the (unterminated) literal, so the
 * parser sees an unterminated string followed by a stray backslash.
 */
final class StringScan {

    private StringScan() {
    }

    /** Length of a complete literal at {@code pos}, or 0. */
    static int terminated(String text, int pos) {
        int body = bodyEnd(text, pos);
        if (body < 0 || body >= text.length() || text.charAt(body) != text.charAt(pos)) {
            return 0;
        }
        return body + 1 - pos;
    }

    /** Length of an opening quote and the valid characters after it, or 0 when {@code pos} holds no quote. */
    static int unterminated(String text, int pos) {
        int body = bodyEnd(text, pos);
        return body < 0 ? 0 : body - pos;
    }

    /** Index of the first character that cannot continue the literal's body, or -1 when no quote opens one. */
    private static int bodyEnd(String text, int pos) {
        char quote = text.charAt(pos);
        if (quote != '"' && quote != '\'') {
            return -1;
        }
        int i = pos + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                return i;
            }
            if (c == '\\') {
                int escape = escapeLength(text, i);
                if (escape == 0) {
                    return i;
                }
                i += escape;
            } else {
                i++;
            }
        }
        return i;
    }

    private static int escapeLength(String text, int backslash) {
        if (backslash + 1 >= text.length()) {
            return 0;
        }
        char next = text.charAt(backslash + 1);
        if (next == '"' || next == '\'' || next == '\\') {
            return 2;
        }
        if (next != 'u' || backslash + 6 > text.length()) {
            return 0;
        }
        for (int i = backslash + 2; i < backslash + 6; i++) {
            char c = text.charAt(i);
            if (c >= 128 || Character.digit(c, 16) < 0) {
                return 0;
            }
        }
        return 6;
    }
}
