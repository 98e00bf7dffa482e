package io.edgestudio.routes.eval;

import io.edgestudio.routes.eval.Value.Bool;
import io.edgestudio.routes.eval.Value.Num;
import io.edgestudio.routes.eval.Value.Str;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.IntUnaryOperator;

/**
 * The string built-ins. Arguments arrive as body values; a string argument that is undefined or has no value
 * makes the result undefined (except in {@code concat}, where a property without a value counts as empty).
 * Comparisons are ordinal and case mapping is per character, as with .NET's invariant culture.
 */
final class StringFunctions {

    private StringFunctions() {
    }

    static List<Builtin> all() {
        return List.of(
                Builtin.of("concat", Signature.varargs(Type.STRING, (args, types) -> concat(args),
                        Type.STRING, Type.STRING, Type.STRING)),
                Builtin.of("length", Signature.of(Type.NUMBER, (args, types) -> {
                    String s = Conversions.string(args[0]);
                    return s == null ? Value.NAN : new Num(s.length());
                }, true, Type.STRING)),
                mapping("lower", Character::toLowerCase),
                mapping("upper", Character::toUpperCase),
                Builtin.of("substring",
                        Signature.of(Type.STRING, (args, types) -> substring(args), true, Type.STRING, Type.NUMBER),
                        Signature.of(Type.STRING, (args, types) -> substring(args), true,
                                Type.STRING, Type.NUMBER, Type.NUMBER)),
                Builtin.of("index_of", Signature.of(Type.NUMBER, (args, types) -> {
                    String s = Conversions.string(args[0]);
                    String fragment = Conversions.string(args[1]);
                    return s == null || fragment == null ? Value.NAN : new Num(s.indexOf(fragment));
                }, true, Type.STRING, Type.STRING)),
                predicate("starts_with", String::startsWith),
                predicate("ends_with", String::endsWith),
                predicate("contains", String::contains));
    }

    static Value concat(Value... parts) {
        StringBuilder joined = new StringBuilder();
        for (Value part : parts) {
            if (!(part instanceof Str s)) {
                return Value.UNDEFINED;
            }
            if (s.value() != null) {
                joined.append(s.value());
            }
        }
        return new Str(joined.toString());
    }

    private static Value substring(Value[] args) {
        String s = Conversions.string(args[0]);
        double start = Conversions.number(args[1]);
        if (s == null || Double.isNaN(start) || start < 0) {
            return Value.UNDEFINED;
        }
        if (args.length == 2) {
            return start <= s.length() ? new Str(s.substring((int) start)) : Value.UNDEFINED;
        }
        double count = Conversions.number(args[2]);
        if (start >= s.length() || Double.isNaN(count) || count < 0 || count > s.length() - start) {
            return Value.UNDEFINED;
        }
        int from = (int) start;
        return new Str(s.substring(from, from + (int) count));
    }

    private static Builtin mapping(String name, IntUnaryOperator perCodePoint) {
        return Builtin.of(name, Signature.of(Type.STRING, (args, types) -> {
            String s = Conversions.string(args[0]);
            if (s == null) {
                return Value.UNDEFINED;
            }
            StringBuilder mapped = new StringBuilder(s.length());
            s.codePoints().map(perCodePoint).forEach(mapped::appendCodePoint);
            return new Str(mapped.toString());
        }, true, Type.STRING));
    }

    private static Builtin predicate(String name, BiPredicate<String, String> test) {
        return Builtin.of(name, Signature.of(Type.BOOL, (args, types) -> {
            String s = Conversions.string(args[0]);
            String other = Conversions.string(args[1]);
            return s == null || other == null ? Value.UNDEFINED : Bool.of(test.test(s, other));
        }, true, Type.STRING, Type.STRING));
    }
}
