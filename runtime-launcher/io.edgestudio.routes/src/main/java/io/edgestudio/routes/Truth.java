package io.edgestudio.routes;

/** The three-valued result of a condition; a route fires only on {@link #TRUE}. */
public enum Truth {
    TRUE, FALSE, UNDEFINED
}
