package io.edgestudio.routes.eval;

import io.edgestudio.routes.Truth;
import io.edgestudio.routes.eval.Value.Bool;
import io.edgestudio.routes.eval.Value.Null;
import io.edgestudio.routes.eval.Value.Num;
import io.edgestudio.routes.eval.Value.Str;

/** How statically typed values turn into body values, and into the final three-valued result. */
final class Conversions {

    private Conversions() {
    }

    /**
     * The body value for {@code value} of static type {@code type}. An undefined number or string becomes the
     * undefined body value, a null literal becomes a null that is not the "missing path" null.
     */
    static Value toBody(Value value, Type type) {
        return switch (type) {
            case NUMBER -> ((Num) value).defined() ? value : Value.UNDEFINED;
            case NULL -> Null.VALUE;
            case UNDEFINED -> Value.UNDEFINED;
            default -> value;
        };
    }

    /** What {@code is_defined} and {@code ??} consider defined: everything except undefined and NaN numbers. */
    static boolean isDefined(Value value, Type type) {
        if (type == Type.NUMBER) {
            return ((Num) value).defined();
        }
        return value != Value.UNDEFINED;
    }

    /**
     * The route decision for a whole condition: a bool is itself, a top-level null is false, a body value counts
     * only when it is a bool, and numbers and strings are undefined.
     */
    static Truth truth(Value value, Type type) {
        return switch (type) {
            case NULL -> Truth.FALSE;
            case BOOL, BODY -> value == Bool.TRUE ? Truth.TRUE : value == Bool.FALSE ? Truth.FALSE : Truth.UNDEFINED;
            default -> Truth.UNDEFINED;
        };
    }

    /** A defined string with a value, or null. */
    static String string(Value value) {
        return value instanceof Str s ? s.value() : null;
    }

    /** A defined, non-NaN number, or NaN. */
    static double number(Value value) {
        return value instanceof Num n ? n.value() : Double.NaN;
    }

    /** .NET's {@code double.CompareTo}: NaN sorts first, and 0.0 equals -0.0 (unlike {@link Double#compare}). */
    static int compareNumbers(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        if (a == b) {
            return 0;
        }
        return Double.isNaN(a) ? (Double.isNaN(b) ? 0 : -1) : 1;
    }

    /** Ordinal comparison where a missing value sorts before every string, as .NET's {@code string.Compare}. */
    static int compareStrings(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return Integer.signum(a.compareTo(b));
    }
}
