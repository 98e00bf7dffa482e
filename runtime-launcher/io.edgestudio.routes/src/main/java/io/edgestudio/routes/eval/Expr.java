package io.edgestudio.routes.eval;

import java.util.function.Function;

/**
 * A type-checked condition expression: its static type and how to evaluate it.
 *
 * @param type the static type
 * @param evaluator computes the value for one message
 */
record Expr(Type type, Function<EvalContext, Value> evaluator) {

    Value eval(EvalContext context) {
        return evaluator.apply(context);
    }

    static Expr constant(Type type, Value value) {
        return new Expr(type, context -> value);
    }
}
