package io.edgestudio.routes.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for conditions. Precedence, tightest first: unary {@code -} and {@code NOT};
 * {@code * / %}; {@code + - ||}; {@code < <= > >=}; {@code = != <>}; {@code AND}; {@code OR}; {@code ??}.
 * Binary operators associate to the left, as in edgeHub's left-recursive ANTLR rule.
 */
public final class ConditionParser {

    private static final String OPERAND = "a value, property, function call or '('";

    private final TokenCursor cursor;
    private final boolean tolerant;

    /**
     * @param tolerant whether unrecognised symbols may stand as operators. edgeHub's route grammar has error
     *        alternatives that accept them, so a route with {@code $body.a[1:2]} parses and only fails when its
     *        condition is compiled; the route parser uses this mode to fail at the same stage.
     */
    ConditionParser(TokenCursor cursor, boolean tolerant) {
        this.cursor = cursor;
        this.tolerant = tolerant;
    }

    /** Parses a whole condition; an empty (or comment-only) text gives {@link Node.Empty}. */
    public static Node parse(String text) {
        TokenCursor cursor = new TokenCursor(text);
        if (cursor.at(TokenType.EOF)) {
            return new Node.Empty(0);
        }
        Node node = new ConditionParser(cursor, false).expression();
        if (!cursor.at(TokenType.EOF)) {
            throw cursor.unexpected("an operator or the end of the condition");
        }
        return node;
    }

    Node expression() {
        return coalesce();
    }

    private Node coalesce() {
        Node left = or();
        while (cursor.at(TokenType.COALESCE) || (tolerant && cursor.at(TokenType.UNKNOWN_CHAR))) {
            left = new Node.Binary(cursor.next(), left, or());
        }
        return left;
    }

    private Node or() {
        Node left = and();
        while (cursor.at(TokenType.OR)) {
            left = new Node.Binary(cursor.next(), left, and());
        }
        return left;
    }

    private Node and() {
        Node left = equality();
        while (cursor.at(TokenType.AND)) {
            left = new Node.Binary(cursor.next(), left, equality());
        }
        return left;
    }

    private Node equality() {
        Node left = comparison();
        while (cursor.at(TokenType.EQ, TokenType.NE, TokenType.NE_ANGLE)) {
            left = new Node.Binary(cursor.next(), left, comparison());
        }
        return left;
    }

    private Node comparison() {
        Node left = additive();
        while (cursor.at(TokenType.LT, TokenType.LE, TokenType.GT, TokenType.GE)) {
            left = new Node.Binary(cursor.next(), left, additive());
        }
        return left;
    }

    private Node additive() {
        Node left = multiplicative();
        while (cursor.at(TokenType.PLUS, TokenType.MINUS, TokenType.CONCAT)) {
            left = new Node.Binary(cursor.next(), left, multiplicative());
        }
        return left;
    }

    private Node multiplicative() {
        Node left = unary();
        while (cursor.at(TokenType.MUL, TokenType.DIV, TokenType.MOD)) {
            left = new Node.Binary(cursor.next(), left, unary());
        }
        return left;
    }

    private Node unary() {
        if (cursor.at(TokenType.MINUS, TokenType.NOT)) {
            Token operator = cursor.next();
            Node operand = unary();
            return new Node.Unary(operator, operand, operator.offset(),
                    operand.offset() + operand.length() - operator.offset());
        }
        return primary();
    }

    private Node primary() {
        Token token = cursor.peek();
        return switch (token.type()) {
            case STRING, INTEGER, HEX_INTEGER, REAL, TRUE, FALSE, NULL, UNDEFINED -> new Node.Literal(cursor.next());
            case SYS_PROP -> {
                cursor.next();
                yield new Node.SystemProperty(token, false, token.offset(), token.length());
            }
            case OPEN_BRACE -> escapedSystemProperty();
            case OPEN_PAREN -> nested();
            case UNKNOWN_CHAR -> {
                if (!tolerant) {
                    throw cursor.unexpected(OPERAND);
                }
                cursor.next();
                yield cursor.at(TokenType.EOF, TokenType.INTO) ? new Node.Literal(token) : expression();
            }
            case ID -> {
                cursor.next();
                yield cursor.at(TokenType.OPEN_PAREN) ? call(token) : new Node.Property(token);
            }
            default -> throw cursor.unexpected(OPERAND);
        };
    }

    private Node escapedSystemProperty() {
        Token open = cursor.next();
        Token property = cursor.expect(TokenType.SYS_PROP, "a '$' property after '{'");
        Token close = cursor.expect(TokenType.CLOSE_BRACE, "'}'");
        return new Node.SystemProperty(property, true, open.offset(), close.end() - open.offset());
    }

    private Node nested() {
        Token open = cursor.next();
        Node inner = expression();
        if (!cursor.at(TokenType.CLOSE_PAREN)) {
            if (cursor.at(TokenType.EOF)) {
                throw cursor.error("missing closing ')'", open.offset(), open.length());
            }
            throw cursor.unexpected("an operator or ')'");
        }
        cursor.next();
        return inner;
    }

    private Node call(Token name) {
        Token open = cursor.next();
        int firstArgument = cursor.index();
        List<Node> arguments = new ArrayList<>();
        if (!cursor.at(TokenType.CLOSE_PAREN)) {
            arguments.add(expression());
            while (cursor.at(TokenType.COMMA)) {
                cursor.next();
                arguments.add(expression());
            }
        }
        String raw = cursor.joinedSince(firstArgument);
        if (!cursor.at(TokenType.CLOSE_PAREN)) {
            if (cursor.at(TokenType.EOF)) {
                throw cursor.error("missing closing ')'", open.offset(), open.length());
            }
            throw cursor.unexpected("',' or ')'");
        }
        Token close = cursor.next();
        return new Node.Call(name, List.copyOf(arguments), raw, name.offset(), close.end() - name.offset());
    }
}
