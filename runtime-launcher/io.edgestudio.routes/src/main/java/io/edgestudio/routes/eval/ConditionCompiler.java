package io.edgestudio.routes.eval;

import io.edgestudio.routes.BodyReference;
import io.edgestudio.routes.MessageSource;
import io.edgestudio.routes.RouteLanguageException;
import io.edgestudio.routes.RouteLanguageException.Kind;
import io.edgestudio.routes.eval.Value.Bool;
import io.edgestudio.routes.eval.Value.Null;
import io.edgestudio.routes.eval.Value.Num;
import io.edgestudio.routes.eval.Value.Str;
import io.edgestudio.routes.parse.ConditionParser;
import io.edgestudio.routes.parse.BodyQueries;
import io.edgestudio.routes.parse.Node;
import io.edgestudio.routes.parse.StringLiterals;
import io.edgestudio.routes.parse.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The static compile step: turns a condition's syntax tree into a typed, evaluable expression, rejecting type
 * errors, unknown functions, wrong arities and unsupported body queries with their positions.
 */
public final class ConditionCompiler {

    private final String text;
    private final MessageSource source;
    private final Operators operators;
    private final Properties properties;
    private final List<BodyReference> bodyReferences = new ArrayList<>();
    private final Set<String> functionNames = new TreeSet<>();

    private ConditionCompiler(String text, MessageSource source) {
        this.text = text;
        this.source = source;
        this.operators = new Operators(text);
        this.properties = new Properties(text, bodyReferences);
    }

    /**
     * Parses and compiles {@code text} for a route from {@code source} (which decides whether
     * {@code twin_change_includes} is available).
     */
    public static CompiledCondition compile(String text, MessageSource source) {
        ConditionCompiler compiler = new ConditionCompiler(text, source);
        // edgeHub reports unsupported body queries even when the condition has other syntax errors; checking
        // them first keeps {@code $body.a[1:2]} an unsupported-query error, as it is on a device.
        BodyQueries.check(text);
        Expr root = compiler.compile(ConditionParser.parse(text));
        return new CompiledCondition(text, root, compiler.bodyReferences, compiler.functionNames);
    }

    private Expr compile(Node node) {
        return switch (node) {
            case Node.Empty empty -> Expr.constant(Type.UNDEFINED, Value.UNDEFINED);
            case Node.Literal literal -> literal(literal.token());
            case Node.Property property -> properties.application(property.token());
            case Node.SystemProperty property -> properties.system(property);
            case Node.Call call -> call(call);
            case Node.Unary unary -> unary.operator().text().equals("-")
                    ? operators.negate(unary.operator(), compile(unary.operand()))
                    : operators.not(unary.operator(), compile(unary.operand()));
            case Node.Binary binary -> operators.binary(binary.operator(), compile(binary.left()),
                    compile(binary.right()));
        };
    }

    private static Expr literal(Token token) {
        return switch (token.type()) {
            case STRING -> Expr.constant(Type.STRING, new Str(StringLiterals.value(token.text())));
            case INTEGER, REAL -> number(DotNetNumbers.parse(token.text()));
            case HEX_INTEGER -> number(hex(token.text().substring(2)));
            case TRUE -> Expr.constant(Type.BOOL, Bool.TRUE);
            case FALSE -> Expr.constant(Type.BOOL, Bool.FALSE);
            case NULL -> Expr.constant(Type.NULL, Null.VALUE);
            default -> Expr.constant(Type.UNDEFINED, Value.UNDEFINED);
        };
    }

    /** A number literal that .NET cannot parse (such as {@code e5}) is the undefined literal in edgeHub. */
    private static Expr number(double value) {
        return Double.isNaN(value) ? Expr.constant(Type.UNDEFINED, Value.UNDEFINED)
                : Expr.constant(Type.NUMBER, new Num(value));
    }

    /** .NET's {@code long.TryParse(hex, HexNumber)}: 16 significant digits at most, read as two's complement. */
    private static double hex(String digits) {
        String significant = digits.replaceFirst("^0+", "");
        if (significant.length() > 16) {
            return Double.NaN;
        }
        return significant.isEmpty() ? 0 : (double) Long.parseUnsignedLong(significant, 16);
    }

    private Expr call(Node.Call call) {
        String name = call.name().text().toLowerCase(Locale.ROOT);
        if (name.equals(Builtins.TWIN_CHANGE_INCLUDES) && source.isTwinChangeNotifications()) {
            functionNames.add(name);
            return properties.twinChangeIncludes(call);
        }
        Builtin builtin = Builtins.find(name).orElseThrow(() -> error(Kind.UNKNOWN_FUNCTION, call.name(),
                "unknown function '" + call.name().text() + "'" + (name.equals(Builtins.TWIN_CHANGE_INCLUDES)
                        ? " (twin_change_includes works only on routes FROM /twinChangeNotifications)" : "")));
        functionNames.add(name);
        List<Expr> arguments = call.arguments().stream().map(this::compile).toList();
        Type[] types = arguments.stream().map(Expr::type).toArray(Type[]::new);
        Signature signature = builtin.signatures().stream().filter(s -> s.matches(types)).findFirst()
                .orElseThrow(() -> mismatch(builtin, call.name(), types));
        return new Expr(signature.result(), c -> {
            Value[] values = new Value[types.length];
            for (int i = 0; i < values.length; i++) {
                Value value = arguments.get(i).eval(c);
                values[i] = signature.bodyValues() ? Conversions.toBody(value, types[i]) : value;
            }
            return signature.body().apply(values, types);
        });
    }

    private RouteLanguageException mismatch(Builtin builtin, Token name, Type[] types) {
        List<String> expected = builtin.signatures().stream().map(s -> builtin.name() + s).toList();
        String given = builtin.name() + "(" + String.join(", ", Arrays.stream(types).map(Type::toString).toList()) + ")";
        boolean arity = builtin.signatures().stream().noneMatch(s -> s.acceptsArity(types.length));
        return error(arity ? Kind.ARITY : Kind.TYPE, name, "cannot call " + given + "; expected "
                + String.join(" or ", expected));
    }

    private RouteLanguageException error(Kind kind, Token token, String reason) {
        return new RouteLanguageException(kind, reason, text, token.offset(), token.length());
    }
}
