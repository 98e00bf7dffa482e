package io.edgestudio.routes.eval;

import io.edgestudio.routes.eval.Value.Num;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** The math built-ins; each takes numbers (or body values) and gives undefined for anything else. */
final class MathFunctions {

    private MathFunctions() {
    }

    static List<Builtin> all() {
        return List.of(
                unary("abs", Math::abs),
                unary("exp", Math::exp),
                unary("square", x -> x * x),
                unary("ceiling", Math::ceil),
                unary("floor", Math::floor),
                unary("sign", MathFunctions::sign),
                unary("sqrt", Math::sqrt),
                binary("power", Math::pow));
    }

    /** .NET's {@code Math.Sign}: 0 for both zeros, unlike {@link Math#signum}. */
    private static double sign(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        return x > 0 ? 1 : x < 0 ? -1 : 0;
    }

    private static Builtin unary(String name, DoubleUnaryOperator op) {
        return Builtin.of(name, Signature.of(Type.NUMBER, (args, types) -> args[0] instanceof Num n
                ? new Num(op.applyAsDouble(n.value())) : Value.NAN, true, Type.NUMBER));
    }

    private static Builtin binary(String name, DoubleBinaryOperator op) {
        return Builtin.of(name, Signature.of(Type.NUMBER, (args, types) ->
                args[0] instanceof Num x && args[1] instanceof Num y
                        ? new Num(op.applyAsDouble(x.value(), y.value())) : Value.NAN, true, Type.NUMBER, Type.NUMBER));
    }
}
