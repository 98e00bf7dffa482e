package io.edgestudio.routes.eval;

import java.util.Locale;

/**
 * Parses numbers the way edgeHub does, with .NET's {@code double.TryParse(s, NumberStyles.Any,
 * CultureInfo.InvariantCulture)}: surrounding whitespace, a leading or trailing sign, parentheses for negative
 * numbers, the invariant currency sign {@code ¤}, {@code ,} thousands separators after the first digit, a
 * decimal point and an exponent. So {@code as_number('1,000')} is 1000. Overflow gives infinity.
 */
final class DotNetNumbers {

    private static final char CURRENCY = '\u00A4';

    private final String text;
    private int pos;
    private boolean negative;
    private boolean signSeen;
    private boolean parenOpen;
    private boolean parenClosed;
    private boolean currencySeen;

    private DotNetNumbers(String text) {
        this.text = text;
    }

    /** The value of {@code text}, or NaN when .NET would not parse it. */
    static double parse(String text) {
        String special = text.strip().toLowerCase(Locale.ROOT);
        switch (special) {
            case "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                return new DotNetNumbers(text).number();
            }
        }
    }

    private double number() {
        leading();
        StringBuilder digits = new StringBuilder();
        int count = integerPart(digits);
        if (pos < text.length() && text.charAt(pos) == '.') {
            digits.append('.');
            pos++;
            count += digitRun(digits);
        }
        if (count == 0) {
            return Double.NaN;
        }
        exponent(digits);
        trailing();
        if (pos != text.length() || parenOpen != parenClosed) {
            return Double.NaN;
        }
        double value = Double.parseDouble(digits.toString());
        return negative != parenOpen ? -value : value;
    }

    private void leading() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if ((c == '+' || c == '-') && !signSeen && !parenOpen) {
                signSeen = true;
                negative = c == '-';
            } else if (c == '(' && !parenOpen && !signSeen) {
                parenOpen = true;
            } else if (c == CURRENCY && !currencySeen) {
                currencySeen = true;
            } else if (!isWhite(c)) {
                return;
            }
            pos++;
        }
    }

    private int integerPart(StringBuilder digits) {
        int count = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (isDigit(c)) {
                digits.append(c);
                count++;
            } else if (c != ',' || count == 0) {
                break;
            }
            pos++;
        }
        return count;
    }

    private int digitRun(StringBuilder digits) {
        int count = 0;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            digits.append(text.charAt(pos++));
            count++;
        }
        return count;
    }

    private void exponent(StringBuilder digits) {
        if (pos >= text.length() || (text.charAt(pos) != 'e' && text.charAt(pos) != 'E')) {
            return;
        }
        int end = pos + 1;
        if (end < text.length() && (text.charAt(end) == '+' || text.charAt(end) == '-')) {
            end++;
        }
        int digitsStart = end;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        if (end > digitsStart) {
            digits.append('E').append(text, pos + 1, end);
            pos = end;
        }
    }

    private void trailing() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if ((c == '+' || c == '-') && !signSeen) {
                signSeen = true;
                negative = c == '-';
            } else if (c == ')' && parenOpen && !parenClosed) {
                parenClosed = true;
            } else if (c == CURRENCY && !currencySeen) {
                currencySeen = true;
            } else if (!isWhite(c)) {
                return;
            }
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWhite(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
