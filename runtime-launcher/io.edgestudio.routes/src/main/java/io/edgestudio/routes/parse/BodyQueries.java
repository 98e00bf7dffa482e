package io.edgestudio.routes.parse;

import io.edgestudio.routes.RouteLanguageException;
import io.edgestudio.routes.RouteLanguageException.Kind;
import java.util.List;

/**
 * Checks {@code $body} queries before anything else. edgeHub validates a body query's path as soon as it meets
 * the token, so a route like {@code WHERE $body.a[1:2] > 0} is rejected for its unsupported path rather than for
 * the stray {@code :} that follows; checking body tokens first gives the same diagnosis.
 */
public final class BodyQueries {

    /** The prefix that turns a {@code $name} into a body query (compared ignoring case). */
    public static final String PREFIX = "$body.";

    private BodyQueries() {
    }

    /** Whether a {@code $name} token is a body query. */
    public static boolean isBodyQuery(String name) {
        return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The path of a body query token, or an {@link Kind#UNSUPPORTED_BODY_QUERY} error at the token. */
    public static List<JsonPath.Segment> path(Token token, String text) {
        return path(token.text().substring(PREFIX.length()), text, token.offset(), token.length());
    }

    /** The path of a query string, or an {@link Kind#UNSUPPORTED_BODY_QUERY} error at the given span. */
    public static List<JsonPath.Segment> path(String query, String text, int offset, int length) {
        try {
            return JsonPath.parse(query);
        } catch (IllegalArgumentException unsupported) {
            throw new RouteLanguageException(Kind.UNSUPPORTED_BODY_QUERY, unsupported.getMessage(), text, offset,
                    length);
        }
    }

    /** Fails on the first body query token in {@code tokens[from, to)} whose path is unsupported. */
    static void check(List<Token> tokens, int from, int to, String text) {
        for (int i = Math.max(from, 0); i < Math.min(to, tokens.size()); i++) {
            Token token = tokens.get(i);
            if (token.type() == TokenType.SYS_PROP && isBodyQuery(token.text())) {
                path(token, text);
            }
        }
    }

    /** Checks every body query in a condition's text. */
    public static void check(String condition) {
        List<Token> tokens = Lexer.tokenize(condition);
        check(tokens, 0, tokens.size(), condition);
    }
}
