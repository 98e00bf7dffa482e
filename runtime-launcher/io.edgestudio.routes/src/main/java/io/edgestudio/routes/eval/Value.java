package io.edgestudio.routes.eval;

/**
 * Run-time values. Which ones an expression can produce depends on its static {@link Type}: numbers are always
 * {@link Num} (NaN meaning undefined), strings are {@link Str} or {@link Undefined}, bools {@link Bool} or
 * {@link Undefined}, and body values any of them.
 */
public sealed interface Value {

    /** The undefined value: missing properties, failed conversions, NaN. */
    enum Undefined implements Value { INSTANCE }

    /**
     * Null. {@link #MISSING} is what a body query returns for a path that is not there; edgeHub keeps it as a
     * distinct singleton and {@code is_null} tells it apart from every other null.
     */
    enum Null implements Value { VALUE, MISSING }

    /** A defined bool. */
    enum Bool implements Value {
        TRUE, FALSE;

        static Bool of(boolean value) {
            return value ? TRUE : FALSE;
        }
    }

    /** A number; NaN means undefined. */
    record Num(double value) implements Value {
        boolean defined() {
            return !Double.isNaN(value);
        }
    }

    /** A string; {@code value} is null for a property that is present without a value. */
    record Str(String value) implements Value {
    }

    Value UNDEFINED = Undefined.INSTANCE;
    Num NAN = new Num(Double.NaN);
}
