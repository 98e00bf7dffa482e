package io.edgestudio.routes.eval;

import io.edgestudio.routes.eval.Value.Bool;
import io.edgestudio.routes.eval.Value.Null;
import io.edgestudio.routes.eval.Value.Num;
import io.edgestudio.routes.eval.Value.Str;
import io.edgestudio.routes.parse.TokenType;

/**
 * Comparison semantics. Anything undefined (or a string property without a value) compares as undefined;
 * {@code null = null} is true. Body values of different kinds order by kind: bool, number, string, null.
 */
final class Comparison {

    private Comparison() {
    }

    static Value compare(TokenType op, Value a, Type typeA, Value b, Type typeB) {
        if (typeA == Type.BODY || typeB == Type.BODY) {
            return body(op, Conversions.toBody(a, typeA), Conversions.toBody(b, typeB));
        }
        return switch (typeA) {
            case NUMBER -> numbers(op, (Num) a, (Num) b);
            case STRING -> a instanceof Str x && b instanceof Str y && x.value() != null && y.value() != null
                    ? result(op, Conversions.compareStrings(x.value(), y.value())) : Value.UNDEFINED;
            case BOOL -> a instanceof Bool x && b instanceof Bool y ? result(op, bools(x, y)) : Value.UNDEFINED;
            case NULL -> result(op, 0);
            default -> Value.UNDEFINED;
        };
    }

    private static Value numbers(TokenType op, Num a, Num b) {
        if (!a.defined() || !b.defined()) {
            return Value.UNDEFINED;
        }
        return result(op, Conversions.compareNumbers(a.value(), b.value()));
    }

    private static Value body(TokenType op, Value a, Value b) {
        if (a == Value.UNDEFINED || b == Value.UNDEFINED) {
            return Value.UNDEFINED;
        }
        int rankA = rank(a);
        int rankB = rank(b);
        if (rankA != rankB) {
            return result(op, Integer.compare(rankA, rankB));
        }
        return result(op, switch (a) {
            case Bool x -> bools(x, (Bool) b);
            case Num x -> Conversions.compareNumbers(x.value(), ((Num) b).value());
            case Str x -> Conversions.compareStrings(x.value(), ((Str) b).value());
            default -> 0;
        });
    }

    private static int rank(Value value) {
        return switch (value) {
            case Bool b -> 1;
            case Num n -> 2;
            case Str s -> 3;
            case Null n -> 4;
            default -> 0;
        };
    }

    private static int bools(Bool a, Bool b) {
        return Integer.compare(a == Bool.TRUE ? 1 : -1, b == Bool.TRUE ? 1 : -1);
    }

    private static Bool result(TokenType op, int comparison) {
        return Bool.of(switch (op) {
            case EQ -> comparison == 0;
            case NE, NE_ANGLE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            default -> throw new IllegalArgumentException("not a comparison: " + op);
        });
    }
}
