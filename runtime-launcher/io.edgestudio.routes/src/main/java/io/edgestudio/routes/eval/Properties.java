package io.edgestudio.routes.eval;

import io.edgestudio.routes.BodyReference;
import io.edgestudio.routes.RouteLanguageException;
import io.edgestudio.routes.RouteLanguageException.Kind;
import io.edgestudio.routes.eval.Value.Bool;
import io.edgestudio.routes.eval.Value.Null;
import io.edgestudio.routes.parse.BodyQueries;
import io.edgestudio.routes.parse.JsonPath.Segment;
import io.edgestudio.routes.parse.Node;
import io.edgestudio.routes.parse.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Property access. A bare name is an application property. {@code $name} is the application property literally
 * named {@code $name} if the message has one, else a body query for {@code $body.…}, else the system property
 * {@code name}. {@code {$name}} skips the application property. Names containing brackets are never properties.
 */
final class Properties {

    private static final List<String> TWIN_PREFIXES = List.of("properties.reported.", "properties.desired.", "tags.");

    private final String text;
    private final List<BodyReference> bodyReferences;

    Properties(String text, List<BodyReference> bodyReferences) {
        this.text = text;
        this.bodyReferences = bodyReferences;
    }

    Expr application(Token token) {
        String name = token.text();
        return new Expr(Type.STRING, c -> c.property(name));
    }

    Expr system(Node.SystemProperty node) {
        Token token = node.token();
        String name = token.text();
        boolean body = BodyQueries.isBodyQuery(name);
        Expr fallback = body ? bodyQuery(token) : systemOnly(name.substring(1));
        if (node.escaped() || hasBrackets(name)) {
            return fallback;
        }
        if (body) {
            return new Expr(Type.BODY, c -> c.hasProperty(name) ? c.property(name) : fallback.eval(c));
        }
        return new Expr(Type.STRING, c -> c.hasProperty(name) ? c.property(name) : fallback.eval(c));
    }

    private static Expr systemOnly(String name) {
        if (hasBrackets(name)) {
            return Expr.constant(Type.UNDEFINED, Value.UNDEFINED);
        }
        return new Expr(Type.STRING, c -> c.systemProperty(name));
    }

    private static boolean hasBrackets(String name) {
        return name.indexOf('[') >= 0 || name.indexOf(']') >= 0;
    }

    private Expr bodyQuery(Token token) {
        List<Segment> path = BodyQueries.path(token, text);
        bodyReferences.add(new BodyReference(referencePath(path), token.offset(), token.length()));
        return new Expr(Type.BODY, c -> c.body().select(path).orElse(Value.UNDEFINED));
    }

    /** {@code twin_change_includes(path)}: whether the twin change notification body has anything at the path. */
    Expr twinChangeIncludes(Node.Call call) {
        String raw = call.rawArguments();
        List<Segment> path = BodyQueries.path(raw, text, call.offset(), call.length());
        if (TWIN_PREFIXES.stream().noneMatch(p -> raw.toLowerCase(Locale.ROOT).startsWith(p))) {
            throw new RouteLanguageException(Kind.UNSUPPORTED_BODY_QUERY, "twin_change_includes path '" + raw
                    + "' must start with one of " + TWIN_PREFIXES, text, call.offset(), call.length());
        }
        return new Expr(Type.BOOL, c -> c.body().select(path)
                .map(v -> v == Value.UNDEFINED ? v : Bool.of(v != Null.MISSING))
                .orElse(Bool.TRUE));
    }

    private static List<String> referencePath(List<Segment> segments) {
        List<String> path = new ArrayList<>();
        for (Segment segment : segments) {
            path.add(segment.name());
            segment.index().ifPresent(i -> path.add("[" + i + "]"));
        }
        return path;
    }
}
