package io.edgestudio.routes.eval;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One overload of a built-in function, matched the way edgeHub matches its executors: by arity and by exact
 * static types, where {@code bodyValues} lets a body value stand in for a parameter (and turns every argument into
 * a body value before the call).
 *
 * @param parameters the parameter types; for varargs the last one repeats; empty for {@code anyArity}
 * @param varargs whether the last parameter repeats (at least {@code parameters.size() - 1} arguments)
 * @param anyArity when not negative, any types are accepted as long as there are this many arguments
 * @param bodyValues whether body values are accepted and arguments are passed as body values
 * @param result the static result type
 * @param body computes the result from the argument values and their static types
 */
record Signature(List<Type> parameters, boolean varargs, int anyArity, boolean bodyValues, Type result,
        Body body) {

    /** A built-in's implementation. */
    @FunctionalInterface
    interface Body {
        Value apply(Value[] arguments, Type[] types);
    }

    static Signature of(Type result, Body body, boolean bodyValues, Type... parameters) {
        return new Signature(List.of(parameters), false, -1, bodyValues, result, body);
    }

    static Signature varargs(Type result, Body body, Type... parameters) {
        return new Signature(List.of(parameters), true, -1, true, result, body);
    }

    static Signature anyType(int arity, Type result, Body body) {
        return new Signature(List.of(), false, arity, false, result, body);
    }

    /** Whether a call with this many arguments could use this overload at all. */
    boolean acceptsArity(int count) {
        if (anyArity >= 0) {
            return count == anyArity;
        }
        return varargs ? count >= parameters.size() - 1 : count == parameters.size();
    }

    boolean matches(Type[] given) {
        if (!acceptsArity(given.length)) {
            return false;
        }
        if (anyArity >= 0) {
            return true;
        }
        int last = parameters.size() - 1;
        for (int i = 0; i < given.length; i++) {
            Type required = parameters.get(Math.min(i, last));
            if (!fits(required, given[i], varargs)) {
                return false;
            }
        }
        return true;
    }

    private boolean fits(Type required, Type given, boolean variadic) {
        if (required == given) {
            return true;
        }
        if (!bodyValues) {
            return false;
        }
        // edgeHub's variadic matcher only lets a body value stand in, never the other way round.
        return variadic ? given == Type.BODY : required.accepts(given);
    }

    @Override
    public String toString() {
        if (anyArity >= 0) {
            return "(" + String.join(", ", Collections.nCopies(anyArity, "any")) + ")";
        }
        String types = Arrays.toString(parameters.toArray());
        return "(" + types.substring(1, types.length() - 1) + (varargs ? ", ..." : "") + ")";
    }
}
