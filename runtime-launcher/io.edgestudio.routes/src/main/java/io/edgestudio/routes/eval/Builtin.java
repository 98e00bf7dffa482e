package io.edgestudio.routes.eval;

import java.util.List;

/**
 * A built-in function and its overloads, tried in order.
 *
 * @param name the lower-case name
 * @param signatures the overloads
 */
record Builtin(String name, List<Signature> signatures) {

    static Builtin of(String name, Signature... signatures) {
        return new Builtin(name, List.of(signatures));
    }
}
