package io.edgestudio.routes.eval;

import io.edgestudio.routes.BodyReference;
import io.edgestudio.routes.Condition;
import io.edgestudio.routes.RoutingMessage;
import io.edgestudio.routes.Truth;
import java.util.List;
import java.util.Set;

/** A condition that passed the compile step, ready to evaluate. */
public final class CompiledCondition implements Condition {

    private final String text;
    private final Expr root;
    private final List<BodyReference> bodyReferences;
    private final Set<String> functionNames;

    CompiledCondition(String text, Expr root, List<BodyReference> bodyReferences, Set<String> functionNames) {
        this.text = text;
        this.root = root;
        this.bodyReferences = List.copyOf(bodyReferences);
        this.functionNames = Set.copyOf(functionNames);
    }

    @Override
    public boolean matches(RoutingMessage message) {
        return evaluate(message) == Truth.TRUE;
    }

    @Override
    public Truth evaluate(RoutingMessage message) {
        return evaluate(new EvalContext(message));
    }

    /** Evaluates with a context that may be shared with other conditions for the same message. */
    public Truth evaluate(EvalContext context) {
        return Conversions.truth(root.eval(context), root.type());
    }

    @Override
    public List<BodyReference> bodyReferences() {
        return bodyReferences;
    }

    @Override
    public Set<String> functionNames() {
        return functionNames;
    }

    @Override
    public String toString() {
        return text;
    }
}
