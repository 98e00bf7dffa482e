package io.edgestudio.routes.eval;

import java.util.Locale;

/**
 * Static types of condition expressions. {@link #BODY} is a {@code $body} query result whose real type is only
 * known at run time; it passes every static check that a number, string, bool or null would pass.
 */
public enum Type {
    NUMBER, STRING, BOOL, NULL, UNDEFINED, BODY;

    /** Types that a body value may stand in for (and that may stand in for a body value). */
    boolean bodyCompatible() {
        return this == NUMBER || this == STRING || this == BOOL || this == NULL;
    }

    /** Whether an operand of type {@code given} is accepted where {@code this} is required. */
    boolean accepts(Type given) {
        return this == given || (given == BODY && bodyCompatible()) || (this == BODY && given.bodyCompatible());
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
