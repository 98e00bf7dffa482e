package io.edgestudio.routes.eval;

import io.edgestudio.routes.RouteLanguageException;
import io.edgestudio.routes.eval.Value.Bool;
import io.edgestudio.routes.eval.Value.Null;
import io.edgestudio.routes.parse.Token;
import io.edgestudio.routes.parse.TokenType;
import java.util.function.BiFunction;

/**
 * {@code AND}, {@code OR} and {@code NOT}: Kleene logic over true, false and undefined, plus null, which absorbs
 * {@code AND} and is neutral for {@code OR}. With a body value on either side edgeHub uses the body value's own
 * operators, where anything that is not a bool (undefined included) makes the result undefined, even
 * {@code false AND undefined}; we keep that.
 */
final class Logic {

    private final BiFunction<Token, String, RouteLanguageException> typeError;

    Logic(BiFunction<Token, String, RouteLanguageException> typeError) {
        this.typeError = typeError;
    }

    static Value not(Value value) {
        if (value instanceof Bool b) {
            return b == Bool.TRUE ? Bool.FALSE : Bool.TRUE;
        }
        return Value.UNDEFINED;
    }

    Expr combine(Token operator, Expr left, Expr right) {
        boolean and = operator.type() == TokenType.AND;
        Type lt = left.type();
        Type rt = right.type();
        // edgeHub tests the left operand where it means the right one, so a body value on the left lets
        // any right operand through; we accept the same conditions.
        boolean leftValid = logical(lt) || lt == Type.BODY;
        boolean rightValid = logical(rt) || lt == Type.BODY;
        if (!leftValid || !rightValid) {
            throw typeError.apply(operator, "'" + operator.text() + "' needs bool, null or undefined operands, not "
                    + lt + " and " + rt);
        }
        boolean nullResult = and ? (lt == Type.NULL || rt == Type.NULL) : (lt == Type.NULL && rt == Type.NULL);
        if (lt == Type.BODY || rt == Type.BODY) {
            if (nullResult) {
                throw typeError.apply(operator, "'" + operator.text() + "' cannot combine a body value with null");
            }
            return new Expr(Type.BOOL, c -> body(and, Conversions.toBody(left.eval(c), lt),
                    Conversions.toBody(right.eval(c), rt)));
        }
        if (nullResult) {
            return Expr.constant(Type.NULL, Null.VALUE);
        }
        if (!and && (lt == Type.NULL || rt == Type.NULL)) {
            Expr other = lt == Type.NULL ? right : left;
            return new Expr(Type.BOOL, other::eval);
        }
        return new Expr(Type.BOOL, c -> kleene(and, left.eval(c), right.eval(c)));
    }

    private static boolean logical(Type type) {
        return type == Type.NULL || type == Type.BOOL || type == Type.UNDEFINED;
    }

    private static Value body(boolean and, Value a, Value b) {
        return a instanceof Bool && b instanceof Bool ? kleene(and, a, b) : Value.UNDEFINED;
    }

    private static Value kleene(boolean and, Value a, Value b) {
        Bool dominant = and ? Bool.FALSE : Bool.TRUE;
        if (a == dominant || b == dominant) {
            return dominant;
        }
        if (a == Value.UNDEFINED || b == Value.UNDEFINED) {
            return Value.UNDEFINED;
        }
        return and ? Bool.TRUE : Bool.FALSE;
    }
}
