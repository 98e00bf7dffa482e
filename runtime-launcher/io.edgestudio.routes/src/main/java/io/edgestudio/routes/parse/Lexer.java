package io.edgestudio.routes.parse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Splits route and condition text into tokens exactly as edgeHub's ANTLR lexer does: at every position the
 * longest match of any rule wins, and a tie goes to the rule listed first in {@link TokenType}. That is why
 * {@code 3-4} is one identifier and {@code -4} a number, and why {@code /*} opens a comment only when a
 * closing {@code *}{@code /} follows somewhere later.
 */
public final class Lexer {

    private static final String ID_EXCLUDED = "()<>@,;:\\\"/[]?={} \t\n\r";
    private static final String QUERY_PATH_EXCLUDED = "()<>@,;:\\\"/?={} \t\n\r";
    private static final TokenType[] RULES = TokenType.values();
    /** Tokens spelled exactly so (the literals are lower case only). */
    private static final Map<TokenType, String> FIXED = fixed();
    /** Keywords spelled in any case. */
    private static final Map<TokenType, String> KEYWORDS = Map.of(TokenType.SELECT, "select", TokenType.FROM, "from",
            TokenType.WHERE, "where", TokenType.INTO, "into", TokenType.AND, "and", TokenType.OR, "or",
            TokenType.NOT, "not");

    private final String text;

    private Lexer(String text) {
        this.text = text;
    }

    /** Tokens of {@code text} without whitespace and comments, ending with one {@link TokenType#EOF} token. */
    public static List<Token> tokenize(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            TokenType best = TokenType.UNKNOWN_CHAR;
            int bestLength = 0;
            for (TokenType rule : RULES) {
                int length = rule == TokenType.EOF ? 0 : match(rule, pos);
                if (length > bestLength) {
                    best = rule;
                    bestLength = length;
                }
            }
            if (!best.hidden()) {
                tokens.add(new Token(best, text.substring(pos, pos + bestLength), pos));
            }
            pos += bestLength;
        }
        tokens.add(new Token(TokenType.EOF, "", text.length()));
        return tokens;
    }

    private int match(TokenType rule, int pos) {
        String fixed = FIXED.get(rule);
        if (fixed != null) {
            return literal(pos, fixed);
        }
        String keyword = KEYWORDS.get(rule);
        if (keyword != null) {
            return keyword(pos, keyword);
        }
        return switch (rule) {
            case STRING -> StringScan.terminated(text, pos);
            case UNTERMINATED_STRING -> StringScan.unterminated(text, pos);
            case INTEGER -> integer(pos);
            case HEX_INTEGER -> hex(pos);
            case REAL -> real(pos);
            case SYS_PROP -> text.charAt(pos) == '$' && run(pos + 1, QUERY_PATH_EXCLUDED) > 0
                    ? 1 + run(pos + 1, QUERY_PATH_EXCLUDED) : 0;
            case ID -> run(pos, ID_EXCLUDED);
            case QUERY_PATH -> run(pos, QUERY_PATH_EXCLUDED);
            case WHITESPACE -> whitespace(pos);
            case COMMENT -> comment(pos);
            case UNKNOWN_CHAR -> 1;
            default -> 0;
        };
    }

    private static Map<TokenType, String> fixed() {
        Map<TokenType, String> fixed = new EnumMap<>(TokenType.class);
        fixed.put(TokenType.OPEN_BRACE, "{");
        fixed.put(TokenType.CLOSE_BRACE, "}");
        fixed.put(TokenType.TRUE, "true");
        fixed.put(TokenType.FALSE, "false");
        fixed.put(TokenType.NULL, "null");
        fixed.put(TokenType.UNDEFINED, "undefined");
        String[] operators = {"(", ")", ",", "+", "-", "*", "/", "%", "=", "!=", "<>", "<=", ">=", ">", "<", "||", "??"};
        TokenType[] types = {TokenType.OPEN_PAREN, TokenType.CLOSE_PAREN, TokenType.COMMA, TokenType.PLUS,
            TokenType.MINUS, TokenType.MUL, TokenType.DIV, TokenType.MOD, TokenType.EQ, TokenType.NE,
            TokenType.NE_ANGLE, TokenType.LE, TokenType.GE, TokenType.GT, TokenType.LT, TokenType.CONCAT,
            TokenType.COALESCE};
        for (int i = 0; i < types.length; i++) {
            fixed.put(types[i], operators[i]);
        }
        return fixed;
    }

    private int literal(int pos, String word) {
        return text.startsWith(word, pos) ? word.length() : 0;
    }

    private int keyword(int pos, String word) {
        return text.regionMatches(true, pos, word, 0, word.length()) ? word.length() : 0;
    }

    /** Length of the run of characters not in {@code excluded} starting at {@code pos}. */
    private int run(int pos, String excluded) {
        int end = pos;
        while (end < text.length() && excluded.indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return end - pos;
    }

    private int digits(int pos) {
        int end = pos;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        return end - pos;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private int sign(int pos) {
        return pos < text.length() && text.charAt(pos) == '-' ? 1 : 0;
    }

    private int integer(int pos) {
        int sign = sign(pos);
        int digits = digits(pos + sign);
        return digits > 0 ? sign + digits : 0;
    }

    private int hex(int pos) {
        if (!text.startsWith("0x", pos) && !text.startsWith("0X", pos)) {
            return 0;
        }
        int end = pos + 2;
        while (end < text.length() && Character.digit(text.charAt(end), 16) >= 0 && text.charAt(end) < 128) {
            end++;
        }
        return end > pos + 2 ? end - pos : 0;
    }

    /** {@code -? [0-9]* '.' [0-9]+ EXP?} or {@code -? [0-9]* EXP}, whichever is longer. */
    private int real(int pos) {
        int start = pos + sign(pos);
        int afterInt = start + digits(start);
        int best = 0;
        if (afterInt < text.length() && text.charAt(afterInt) == '.') {
            int fraction = digits(afterInt + 1);
            if (fraction > 0) {
                int end = afterInt + 1 + fraction;
                best = end + exponent(end) - pos;
            }
        }
        int exp = exponent(afterInt);
        return Math.max(best, exp > 0 ? afterInt + exp - pos : 0);
    }

    private int exponent(int pos) {
        if (pos >= text.length() || (text.charAt(pos) != 'e' && text.charAt(pos) != 'E')) {
            return 0;
        }
        int signEnd = pos + 1;
        if (signEnd < text.length() && (text.charAt(signEnd) == '+' || text.charAt(signEnd) == '-')) {
            signEnd++;
        }
        int digits = digits(signEnd);
        return digits > 0 ? signEnd + digits - pos : 0;
    }

    private int whitespace(int pos) {
        int end = pos;
        while (end < text.length() && " \t\r\n".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        return end - pos;
    }

    private int comment(int pos) {
        if (!text.startsWith("/*", pos)) {
            return 0;
        }
        int close = text.indexOf("*/", pos + 2);
        return close < 0 ? 0 : close + 2 - pos;
    }
}
