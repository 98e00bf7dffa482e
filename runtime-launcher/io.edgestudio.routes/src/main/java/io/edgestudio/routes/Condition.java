package io.edgestudio.routes;

import java.util.List;
import java.util.Set;

/** A compiled, type-checked route condition. Immutable and safe to share between threads. */
public interface Condition {

    /** True only when the condition evaluates to true (false, null and undefined do not route). */
    boolean matches(RoutingMessage message);

    /** The full three-valued result, for tools that show why a route did not fire. */
    Truth evaluate(RoutingMessage message);

    /** Each {@code $body} query used, with its position in the condition text. */
    List<BodyReference> bodyReferences();

    /** Lower-case names of the built-in functions used. */
    Set<String> functionNames();
}
