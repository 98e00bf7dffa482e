package io.edgestudio.routes.eval;

import io.edgestudio.routes.eval.Value.Bool;
import io.edgestudio.routes.eval.Value.Null;
import io.edgestudio.routes.eval.Value.Num;
import io.edgestudio.routes.eval.Value.Str;
import java.util.List;

/**
 * {@code as_number} and the {@code is_*} checks. The checks accept an argument of any type and never fail to
 * compile; {@code as_number} takes a string (parsed like .NET's {@code double.TryParse} with
 * {@code NumberStyles.Any}) or a number.
 */
final class TypeFunctions {

    private TypeFunctions() {
    }

    static List<Builtin> all() {
        return List.of(
                Builtin.of("as_number",
                        Signature.of(Type.NUMBER, (args, types) -> asNumber(args[0]), true, Type.STRING),
                        Signature.of(Type.NUMBER, (args, types) -> args[0], false, Type.NUMBER)),
                check("is_defined", (value, type) -> Conversions.isDefined(value, type)),
                Builtin.of("is_null", Signature.anyType(1, Type.BOOL, (args, types) -> isNull(args[0], types[0]))),
                Builtin.of("is_bool", Signature.anyType(1, Type.BOOL, (args, types) -> isBool(args[0], types[0]))),
                check("is_number", (value, type) -> (type == Type.NUMBER || type == Type.BODY)
                        && value instanceof Num n && Double.isFinite(n.value())),
                check("is_string", (value, type) -> (type == Type.STRING || type == Type.BODY)
                        && value instanceof Str s && s.value() != null));
    }

    private interface Check {
        boolean test(Value value, Type type);
    }

    private static Builtin check(String name, Check check) {
        return Builtin.of(name, Signature.anyType(1, Type.BOOL,
                (args, types) -> Bool.of(check.test(args[0], types[0]))));
    }

    private static Value asNumber(Value value) {
        if (value instanceof Str s && s.value() != null) {
            return new Num(DotNetNumbers.parse(s.value()));
        }
        return value instanceof Num ? value : Value.NAN;
    }

    /** An undefined bool (or body value) gives undefined rather than false, as in edgeHub. */
    private static Value isBool(Value value, Type type) {
        if (type != Type.BOOL && type != Type.BODY) {
            return Bool.FALSE;
        }
        return value == Value.UNDEFINED ? Value.UNDEFINED : Bool.of(value instanceof Bool);
    }

    /**
     * A string property is null when present without a value. For body values edgeHub compares against its
     * "missing path" singleton by reference, so every defined body value (a JSON null included) counts as null
     * and only a missing path does not; we keep that quirk so routes behave as on a device.
     */
    private static Value isNull(Value value, Type type) {
        return switch (type) {
            case STRING -> Bool.of(value instanceof Str s && s.value() == null);
            case NULL -> Bool.TRUE;
            case BODY -> value == Value.UNDEFINED ? Value.UNDEFINED : Bool.of(value != Null.MISSING);
            default -> Bool.FALSE;
        };
    }
}
