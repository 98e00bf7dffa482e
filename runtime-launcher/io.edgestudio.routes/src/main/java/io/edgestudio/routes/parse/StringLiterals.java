package io.edgestudio.routes.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a string literal's source text into its value. edgeHub unescapes in two passes, unicode escapes first
 * and then the quote and backslash escapes; we keep that order because it decides what {@code \\u0041} means.
 */
public final class StringLiterals {

    private static final Pattern UNICODE = Pattern.compile("\\\\[Uu]([0-9A-Fa-f]{4})");
    private static final Pattern SIMPLE = Pattern.compile("\\\\([\"'\\\\])");

    private StringLiterals() {
    }

    /** The value of a complete literal such as {@code 'it\'s'} (quotes included in {@code literal}). */
    public static String value(String literal) {
        return unescape(literal.substring(1, literal.length() - 1));
    }

    static String unescape(String body) {
        Matcher unicode = UNICODE.matcher(body);
        StringBuilder first = new StringBuilder();
        while (unicode.find()) {
            char c = (char) Integer.parseInt(unicode.group(1), 16);
            unicode.appendReplacement(first, Matcher.quoteReplacement(String.valueOf(c)));
        }
        unicode.appendTail(first);
        return SIMPLE.matcher(first).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }
}
