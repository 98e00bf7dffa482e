package io.edgestudio.routes.parse;

import io.edgestudio.routes.RouteLanguageException;
import io.edgestudio.routes.RouteLanguageException.Kind;
import java.util.Optional;

/** Parses full route strings: {@code [SELECT *] FROM path [WHERE condition] INTO sink}. */
public final class RouteParser {

    private final TokenCursor cursor;

    private RouteParser(String text) {
        this.cursor = new TokenCursor(text);
    }

    /** Splits {@code text} into its parts, or throws a {@link Kind#SYNTAX} (or, when empty, source) error. */
    public static RouteSyntax parse(String text) {
        return new RouteParser(text).route();
    }

    private RouteSyntax route() {
        if (cursor.at(TokenType.EOF)) {
            // edgeHub's grammar accepts the empty route but then finds no source in it.
            throw new RouteLanguageException(Kind.INVALID_SOURCE, "route has no source", cursor.text(), 0, 0);
        }
        cursor.checkConditionBodyQueries();
        if (cursor.at(TokenType.SELECT)) {
            cursor.next();
            cursor.expect(TokenType.MUL, "'*' after SELECT");
        }
        cursor.expect(TokenType.FROM, "FROM");
        int sourceOffset = cursor.peek().offset();
        String source = path();
        Optional<String> condition = Optional.empty();
        int conditionOffset = 0;
        if (cursor.at(TokenType.WHERE)) {
            cursor.next();
            Token first = cursor.peek();
            new ConditionParser(cursor, true).expression();
            conditionOffset = first.offset();
            condition = Optional.of(cursor.text().substring(first.offset(), cursor.previous().end()));
        }
        cursor.expect(TokenType.INTO, condition.isPresent() ? "an operator or INTO" : "WHERE or INTO");
        return sink(source, sourceOffset, condition, conditionOffset);
    }

    private String path() {
        int start = cursor.index();
        do {
            cursor.expect(TokenType.DIV, "'/' starting a source path");
            if (!cursor.at(TokenType.MUL, TokenType.ID)) {
                throw cursor.unexpected("a path segment (a name or '*') after '/'");
            }
            cursor.next();
        } while (cursor.at(TokenType.DIV));
        return cursor.joinedSince(start);
    }

    private RouteSyntax sink(String source, int sourceOffset, Optional<String> condition, int conditionOffset) {
        Token name = cursor.peek();
        Optional<Token> argument = Optional.empty();
        if (cursor.at(TokenType.SYS_PROP)) {
            cursor.next();
        } else if (cursor.at(TokenType.ID)) {
            cursor.next();
            cursor.expect(TokenType.OPEN_PAREN, "'(' after the endpoint function name");
            argument = Optional.of(cursor.expect(TokenType.STRING, "a quoted endpoint address"));
            cursor.expect(TokenType.CLOSE_PAREN, "')' after the endpoint address");
        } else {
            throw cursor.unexpected("a sink ($upstream or BrokeredEndpoint(\"...\"))");
        }
        int sinkEnd = cursor.previous().end();
        if (!cursor.at(TokenType.EOF)) {
            throw cursor.unexpected("the end of the route");
        }
        return new RouteSyntax(source, sourceOffset, condition, conditionOffset, name, argument,
                name.offset(), sinkEnd - name.offset());
    }
}
