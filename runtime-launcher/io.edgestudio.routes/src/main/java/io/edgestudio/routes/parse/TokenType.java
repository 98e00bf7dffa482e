package io.edgestudio.routes.parse;

/**
 * Token kinds of the edgeHub route lexer, in the priority order the reference lexer uses to break ties between
 * rules that match the same length of input.
 */
public enum TokenType {
    OPEN_BRACE, CLOSE_BRACE,
    SELECT, FROM, WHERE, INTO,
    STRING, UNTERMINATED_STRING,
    INTEGER, HEX_INTEGER, REAL,
    TRUE, FALSE, NULL, UNDEFINED,
    OPEN_PAREN, CLOSE_PAREN, COMMA, PLUS, MINUS, MUL, DIV, MOD,
    AND, OR, NOT,
    EQ, NE, NE_ANGLE, LE, GE, GT, LT, CONCAT, COALESCE,
    SYS_PROP, ID, QUERY_PATH,
    WHITESPACE, COMMENT,
    UNKNOWN_CHAR,
    EOF;

    /** Whitespace and comments never reach the parser. */
    public boolean hidden() {
        return this == WHITESPACE || this == COMMENT;
    }
}
