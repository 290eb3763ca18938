package io.theus.flux.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in functions of conditions, with Python's meaning: {@code len int float str bool abs min max sum}.
 *
 * <p>Stateless and thread-safe.
 */
final class Functions {
    private Functions() {
    }

    static Object apply(Builtin f, Object[] args) {
        return switch (f) {
            case LEN -> len(args[0]);
            case INT -> toInt(args[0]);
            case FLOAT -> toFloat(args[0]);
            case STR -> Values.str(args[0]);
            case BOOL -> Values.truthy(args[0]);
            case ABS -> abs(args[0]);
            case MIN -> extreme(args, -1, "min");
            case MAX -> extreme(args, 1, "max");
            case SUM -> sum(args);
        };
    }

    private static Object len(Object v) {
        return switch (v) {
            case CharSequence s -> (long) s.length();
            case Collection<?> c -> (long) c.size();
            case Map<?, ?> m -> (long) m.size();
            case null, default -> throw new EvalFault("len() needs a str, list or dict, not " + Values.describe(v));
        };
    }

    private static Object toInt(Object v) {
        switch (v) {
            case Boolean b -> {
                return b ? 1L : 0L;
            }
            case Double d -> {
                return truncate(d, v);
            }
            case Float f -> {
                return truncate(f.doubleValue(), v);
            }
            case BigDecimal d -> {
                return exact(d.toBigInteger(), v);
            }
            case BigInteger i -> {
                return exact(i, v);
            }
            case CharSequence s -> {
                try {
                    return Long.parseLong(s.toString().strip());
                } catch (NumberFormatException e) {
                    throw new EvalFault("int() cannot convert " + Values.describe(v) + ": not an integer literal");
                }
            }
            default -> {
                if (Values.isIntegral(v)) {
                    return ((Number) v).longValue();
                }
                throw new EvalFault("int() cannot convert " + Values.describe(v));
            }
        }
    }

    private static long truncate(double d, Object v) {
        if (Double.isNaN(d) || Double.isInfinite(d) || Math.abs(d) >= 0x1p63) {
            throw new EvalFault("int() cannot convert " + Values.describe(v) + " to a 64-bit integer");
        }
        return (long) d;
    }

    private static long exact(BigInteger i, Object v) {
        if (i.bitLength() > 63) {
            throw new EvalFault("int() cannot convert " + Values.describe(v) + " to a 64-bit integer");
        }
        return i.longValue();
    }

    private static Object toFloat(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (Values.isNumber(v)) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof CharSequence s) {
            String t = s.toString().strip().toLowerCase(Locale.ROOT);
            switch (t) {
                case "inf", "+inf", "infinity", "+infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-inf", "-infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                case "nan" -> {
                    return Double.NaN;
                }
                default -> {
                    if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
                        throw new EvalFault("float() cannot convert " + Values.describe(v));
                    }
                    return Double.parseDouble(t);
                }
            }
        }
        throw new EvalFault("float() cannot convert " + Values.describe(v));
    }

    private static Object abs(Object v) {
        if (Values.isIntegral(v)) {
            long x = ((Number) v).longValue();
            if (x == Long.MIN_VALUE) {
                throw new EvalFault("integer overflow: abs(" + x + ") does not fit in 64 bits");
            }
            return Math.abs(x);
        }
        if (v instanceof Double || v instanceof Float) {
            return Math.abs(((Number) v).doubleValue());
        }
        if (v instanceof BigDecimal || v instanceof BigInteger) {
            return Values.decimal(v).abs();
        }
        throw new EvalFault("abs() needs a number, not " + Values.describe(v));
    }

    private static Object extreme(Object[] args, int sign, String name) {
        Collection<?> items = items(args, name);
        Object best = null;
        boolean first = true;
        for (Object o : items) {
            if (first || Values.compare(o, best, name) * sign > 0) {
                best = o;
            }
            first = false;
        }
        return best;
    }

    private static Collection<?> items(Object[] args, String name) {
        if (args.length > 1) {
            return java.util.Arrays.asList(args);
        }
        if (!(args[0] instanceof Collection<?> c)) {
            throw new EvalFault(name + "() of one argument needs a list, not " + Values.describe(args[0]));
        }
        if (c.isEmpty()) {
            throw new EvalFault(name + "() of an empty list");
        }
        return c;
    }

    private static Object sum(Object[] args) {
        if (!(args[0] instanceof Collection<?> c)) {
            throw new EvalFault("sum() needs a list, not " + Values.describe(args[0]));
        }
        Object total = args.length > 1 ? args[1] : (Object) 0L;
        for (Object o : c) {
            total = Arithmetic.of("+", total, o);
        }
        return total;
    }
}
