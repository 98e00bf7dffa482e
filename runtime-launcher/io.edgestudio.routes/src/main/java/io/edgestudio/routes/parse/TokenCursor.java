package io.edgestudio.routes.parse;

import io.edgestudio.routes.RouteLanguageException;
import io.edgestudio.routes.RouteLanguageException.Kind;
import java.util.List;

/** A position in a token list, with the syntax-error reporting both parsers share. */
final class TokenCursor {

    private final String text;
    private final List<Token> tokens;
    private int index;

    TokenCursor(String text) {
        this.text = text;
        this.tokens = Lexer.tokenize(text);
    }

    String text() {
        return text;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token previous() {
        return tokens.get(index - 1);
    }

    Token next() {
        Token token = tokens.get(index);
        if (token.type() != TokenType.EOF) {
            index++;
        }
        return token;
    }

    boolean at(TokenType... types) {
        return peek().is(types);
    }

    /** Token texts from {@code fromIndex} (inclusive) to the current position, joined without whitespace. */
    String joinedSince(int fromIndex) {
        StringBuilder joined = new StringBuilder();
        for (int i = fromIndex; i < index; i++) {
            joined.append(tokens.get(i).text());
        }
        return joined.toString();
    }

    int index() {
        return index;
    }

    /**
     * Checks the body queries between the first WHERE and the last INTO before the route is parsed, so that an
     * unsupported body query is reported as such even when the condition has other errors.
     */
    void checkConditionBodyQueries() {
        int where = -1;
        int into = tokens.size();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).type() == TokenType.WHERE && where < 0) {
                where = i;
            } else if (tokens.get(i).type() == TokenType.INTO) {
                into = i;
            }
        }
        if (where >= 0) {
            BodyQueries.check(tokens, where + 1, into, text);
        }
    }

    Token expect(TokenType type, String what) {
        if (!at(type)) {
            throw unexpected(what);
        }
        return next();
    }

    /** A syntax error at the current token, explaining what was expected there. */
    RouteLanguageException unexpected(String expected) {
        Token token = peek();
        String found = switch (token.type()) {
            case EOF -> "end of input";
            case UNTERMINATED_STRING -> "unterminated string " + token.text();
            case UNKNOWN_CHAR -> "unrecognized symbol '" + token.text() + "'";
            case CLOSE_PAREN -> "unmatched closing ')'";
            default -> "'" + token.text() + "'";
        };
        return error(found + "; expected " + expected, token.offset(), token.length());
    }

    RouteLanguageException error(String reason, int offset, int length) {
        return new RouteLanguageException(Kind.SYNTAX, reason, text, offset, length);
    }
}
