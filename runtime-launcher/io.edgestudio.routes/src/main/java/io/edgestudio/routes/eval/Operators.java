package io.edgestudio.routes.eval;

import io.edgestudio.routes.RouteLanguageException;
import io.edgestudio.routes.RouteLanguageException.Kind;
import io.edgestudio.routes.eval.Value.Bool;
import io.edgestudio.routes.eval.Value.Num;
import io.edgestudio.routes.parse.Token;
import io.edgestudio.routes.parse.TokenType;
import java.util.function.DoubleBinaryOperator;

/**
 * Type checks and semantics of the unary and binary operators. Operands must have the same static type (a body
 * value fits any number, string, bool or null); arithmetic needs numbers and {@code ||} strings. There are no
 * implicit conversions, so {@code key = 3} is a compile error rather than false.
 */
final class Operators {

    private final String text;

    Operators(String text) {
        this.text = text;
    }

    Expr negate(Token operator, Expr operand) {
        if (!Type.NUMBER.accepts(operand.type())) {
            throw typeError(operator, "'-' needs a number, not " + operand.type());
        }
        Type type = operand.type() == Type.BODY ? Type.BODY : Type.NUMBER;
        return new Expr(type, c -> {
            Value value = Conversions.toBody(operand.eval(c), operand.type());
            return value instanceof Num n ? new Num(-n.value()) : type == Type.BODY ? Value.UNDEFINED : Value.NAN;
        });
    }

    Expr not(Token operator, Expr operand) {
        if (operand.type() == Type.NULL) {
            return Expr.constant(Type.BOOL, Bool.TRUE);
        }
        if (!Type.BOOL.accepts(operand.type())) {
            throw typeError(operator, "NOT needs a bool or null, not " + operand.type());
        }
        return new Expr(Type.BOOL, c -> Logic.not(operand.eval(c)));
    }

    Expr binary(Token operator, Expr left, Expr right) {
        return switch (operator.type()) {
            case PLUS -> arithmetic(operator, left, right, Double::sum);
            case MINUS -> arithmetic(operator, left, right, (a, b) -> a - b);
            case MUL -> arithmetic(operator, left, right, (a, b) -> a * b);
            case DIV -> arithmetic(operator, left, right, (a, b) -> a / b);
            case MOD -> arithmetic(operator, left, right, (a, b) -> a % b);
            case CONCAT -> concat(operator, left, right);
            case EQ, NE, NE_ANGLE, LT, LE, GT, GE -> comparison(operator, left, right);
            case AND, OR -> new Logic(this::typeError).combine(operator, left, right);
            case COALESCE -> coalesce(operator, left, right);
            default -> throw new IllegalArgumentException("not a binary operator: " + operator);
        };
    }

    private Expr arithmetic(Token operator, Expr left, Expr right, DoubleBinaryOperator op) {
        requireBoth(operator, Type.NUMBER, left, right);
        if (left.type() == Type.BODY || right.type() == Type.BODY) {
            return new Expr(Type.BODY, c -> {
                Value a = Conversions.toBody(left.eval(c), left.type());
                Value b = Conversions.toBody(right.eval(c), right.type());
                return a instanceof Num x && b instanceof Num y ? new Num(op.applyAsDouble(x.value(), y.value()))
                        : Value.UNDEFINED;
            });
        }
        return new Expr(Type.NUMBER, c -> new Num(op.applyAsDouble(
                Conversions.number(left.eval(c)), Conversions.number(right.eval(c)))));
    }

    private Expr concat(Token operator, Expr left, Expr right) {
        requireBoth(operator, Type.STRING, left, right);
        return new Expr(Type.STRING, c -> StringFunctions.concat(
                Conversions.toBody(left.eval(c), left.type()), Conversions.toBody(right.eval(c), right.type())));
    }

    private Expr comparison(Token operator, Expr left, Expr right) {
        requireSameType(operator, left, right);
        TokenType op = operator.type();
        return new Expr(Type.BOOL, c -> Comparison.compare(op, left.eval(c), left.type(), right.eval(c), right.type()));
    }

    private Expr coalesce(Token operator, Expr left, Expr right) {
        requireSameType(operator, left, right);
        if (left.type() == Type.UNDEFINED) {
            return right;
        }
        boolean body = left.type() == Type.BODY || right.type() == Type.BODY;
        Type type = body ? Type.BODY : left.type();
        return new Expr(type, c -> {
            Value value = left.eval(c);
            if (Conversions.isDefined(value, left.type())) {
                return body ? Conversions.toBody(value, left.type()) : value;
            }
            Value alternative = right.eval(c);
            return body ? Conversions.toBody(alternative, right.type()) : alternative;
        });
    }

    private void requireBoth(Token operator, Type required, Expr left, Expr right) {
        if (!required.accepts(left.type()) || !required.accepts(right.type())) {
            throw typeError(operator, "'" + operator.text() + "' needs two " + required + " operands, not "
                    + left.type() + " and " + right.type());
        }
    }

    private void requireSameType(Token operator, Expr left, Expr right) {
        if (!left.type().accepts(right.type())) {
            throw typeError(operator, "'" + operator.text() + "' needs operands of the same type, not "
                    + left.type() + " and " + right.type() + " (use as_number() to compare numbers in strings)");
        }
    }

    RouteLanguageException typeError(Token operator, String reason) {
        return new RouteLanguageException(Kind.TYPE, reason, text, operator.offset(), operator.length());
    }
}
