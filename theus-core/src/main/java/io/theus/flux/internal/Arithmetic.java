package io.theus.flux.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * Arithmetic of conditions with Python's meaning: {@code +} also joins strings and lists, {@code /} is true
 * division, {@code //} and {@code %} floor. Integers are 64-bit and an overflow is an error; a {@link BigDecimal}
 * operand makes the operation decimal; booleans are not numbers.
 *
 * <p>Stateless and thread-safe.
 */
final class Arithmetic {
    private Arithmetic() {
    }

    static Object of(String op, Object a, Object b) {
        if (op.equals("+")) {
            if (a instanceof CharSequence x && b instanceof CharSequence y) {
                return x.toString() + y;
            }
            if (a instanceof List<?> x && b instanceof List<?> y) {
                return java.util.stream.Stream.concat(x.stream(), y.stream()).toList();
            }
        }
        if (!Values.isNumber(a) || !Values.isNumber(b)) {
            throw new EvalFault("unsupported operand types for '" + op + "': " + Values.describe(a) + " and "
                    + Values.describe(b));
        }
        if (Values.isIntegral(a) && Values.isIntegral(b)) {
            return integral(op, ((Number) a).longValue(), ((Number) b).longValue());
        }
        if (Values.isDecimal(a) || Values.isDecimal(b)) {
            if (Values.isNaN(a) || Values.isNaN(b) || Values.isInfinite(a) || Values.isInfinite(b)) {
                return floating(op, ((Number) a).doubleValue(), ((Number) b).doubleValue());
            }
            return decimalOp(op, Values.decimal(a), Values.decimal(b));
        }
        return floating(op, ((Number) a).doubleValue(), ((Number) b).doubleValue());
    }

    private static Object integral(String op, long a, long b) {
        try {
            return switch (op) {
                case "+" -> Math.addExact(a, b);
                case "-" -> Math.subtractExact(a, b);
                case "*" -> Math.multiplyExact(a, b);
                case "/" -> {
                    requireNonZero(b, op);
                    yield (double) a / (double) b;
                }
                case "//" -> {
                    requireNonZero(b, op);
                    if (a == Long.MIN_VALUE && b == -1) {
                        throw new ArithmeticException("overflow");
                    }
                    yield Math.floorDiv(a, b);
                }
                case "%" -> {
                    requireNonZero(b, op);
                    yield Math.floorMod(a, b);
                }
                case "**" -> power(a, b);
                default -> throw new IllegalStateException("operator " + op);
            };
        } catch (ArithmeticException e) {
            throw new EvalFault("integer overflow: " + a + " " + op + " " + b + " does not fit in 64 bits");
        }
    }

    private static Object power(long a, long b) {
        if (b < 0) {
            return Math.pow(a, b);
        }
        if (b == 0) {
            return 1L;
        }
        if (a == 0 || a == 1) {
            return a;
        }
        if (a == -1) {
            return b % 2 == 0 ? 1L : -1L;
        }
        if (b > 63) {
            throw new ArithmeticException("overflow");
        }
        return BigInteger.valueOf(a).pow((int) b).longValueExact();
    }

    private static void requireNonZero(long b, String op) {
        if (b == 0) {
            throw new EvalFault("division by zero in '" + op + "'");
        }
    }

    private static Object floating(String op, double a, double b) {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> {
                if (b == 0) {
                    throw new EvalFault("division by zero in '/'");
                }
                yield a / b;
            }
            case "//" -> {
                if (b == 0) {
                    throw new EvalFault("division by zero in '//'");
                }
                yield Math.floor(a / b);
            }
            case "%" -> {
                if (b == 0) {
                    throw new EvalFault("division by zero in '%'");
                }
                yield a - b * Math.floor(a / b);
            }
            case "**" -> Math.pow(a, b);
            default -> throw new IllegalStateException("operator " + op);
        };
    }

    private static Object decimalOp(String op, BigDecimal a, BigDecimal b) {
        if ((op.equals("/") || op.equals("//") || op.equals("%")) && b.signum() == 0) {
            throw new EvalFault("division by zero in '" + op + "'");
        }
        return switch (op) {
            case "+" -> a.add(b);
            case "-" -> a.subtract(b);
            case "*" -> a.multiply(b);
            case "/" -> a.divide(b, MathContext.DECIMAL64);
            case "//" -> a.divide(b, MathContext.DECIMAL64).setScale(0, RoundingMode.FLOOR);
            case "%" -> a.subtract(b.multiply(a.divide(b, MathContext.DECIMAL64)
                    .setScale(0, RoundingMode.FLOOR)));
            case "**" -> floating(op, a.doubleValue(), b.doubleValue());
            default -> throw new IllegalStateException("operator " + op);
        };
    }

    static Object negate(Object v) {
        if (Values.isIntegral(v)) {
            long x = ((Number) v).longValue();
            if (x == Long.MIN_VALUE) {
                throw new EvalFault("integer overflow: -(" + x + ") does not fit in 64 bits");
            }
            return -x;
        }
        if (v instanceof Double || v instanceof Float) {
            return -((Number) v).doubleValue();
        }
        if (Values.isDecimal(v)) {
            return Values.decimal(v).negate();
        }
        throw new EvalFault("bad operand type for unary '-': " + Values.describe(v));
    }

    static Object plus(Object v) {
        if (!Values.isNumber(v)) {
            throw new EvalFault("bad operand type for unary '+': " + Values.describe(v));
        }
        return v;
    }
}
