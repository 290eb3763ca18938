package io.theus.flux.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The value semantics of conditions, modelled on Python: truthiness, equality across number types, ordering,
 * arithmetic ({@code /} is true division, {@code //} and {@code %} floor), membership and the text form of
 * {@code str()}. Integers are 64-bit ({@code long}); an overflow is an error, not a silent wrap. Floats are
 * {@code double}; a {@link BigDecimal} operand makes the operation decimal. Booleans are not numbers here: using
 * them in arithmetic or ordering is a type error. Enum values compare equal to their name.
 *
 * <p>Every failure is an {@link EvalFault} naming the operation, the types and the values. Stateless and
 * thread-safe.
 */
final class Values {
    /** What {@link #compare} returns when the operands have no order (a NaN is involved). */
    static final int UNORDERED = Integer.MIN_VALUE;

    private static final int REPR_LIMIT = 60;

    private Values() {
    }

    // ---------------------------------------------------------------- classification

    static boolean isIntegral(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
    }

    static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Double || v instanceof BigDecimal
                || v instanceof Short || v instanceof Byte || v instanceof Float || v instanceof BigInteger;
    }

    private static boolean isDecimal(Object v) {
        return v instanceof BigDecimal || v instanceof BigInteger;
    }

    static String typeName(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (isIntegral(v) || v instanceof BigInteger) {
            return "int";
        }
        if (v instanceof Double || v instanceof Float) {
            return "float";
        }
        if (v instanceof BigDecimal) {
            return "decimal";
        }
        if (v instanceof CharSequence) {
            return "str";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof Map) {
            return "dict";
        }
        return v.getClass().getSimpleName();
    }

    /** {@return the type and a short text form, e.g. {@code str 'abc'}} */
    static String describe(Object v) {
        return v == null ? "None" : typeName(v) + " " + repr(v);
    }

    // ---------------------------------------------------------------- truthiness and text

    static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (isIntegral(v)) {
            return ((Number) v).longValue() != 0;
        }
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue() != 0.0;
        }
        if (v instanceof BigDecimal d) {
            return d.signum() != 0;
        }
        if (v instanceof BigInteger i) {
            return i.signum() != 0;
        }
        if (v instanceof CharSequence s) {
            return !s.isEmpty();
        }
        if (v instanceof java.util.Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** {@return Python's {@code str(v)}: {@code True}, {@code None}, {@code 1.0}, {@code ['a', 1]}} */
    static String str(Object v) {
        if (v instanceof CharSequence s) {
            return s.toString();
        }
        return repr(v, Integer.MAX_VALUE);
    }

    /** {@return Python's {@code repr(v)}, cut after a few dozen characters} */
    static String repr(Object v) {
        String r = repr(v, REPR_LIMIT);
        return r.length() > REPR_LIMIT ? r.substring(0, REPR_LIMIT) + "..." : r;
    }

    private static String repr(Object v, int limit) {
        StringBuilder sb = new StringBuilder();
        appendRepr(sb, v, limit);
        return sb.toString();
    }

    private static void appendRepr(StringBuilder sb, Object v, int limit) {
        if (sb.length() > limit) {
            return;
        }
        switch (v) {
            case null -> sb.append("None");
            case Boolean b -> sb.append(b ? "True" : "False");
            case Double d -> sb.append(floatText(d));
            case Float f -> sb.append(floatText(f.doubleValue()));
            case BigDecimal d -> sb.append(d.toPlainString());
            case CharSequence s -> appendQuoted(sb, s.toString());
            case Enum<?> e -> appendQuoted(sb, e.name());
            case List<?> l -> appendList(sb, l, limit);
            case Map<?, ?> m -> appendMap(sb, m, limit);
            default -> sb.append(v);
        }
    }

    private static void appendList(StringBuilder sb, List<?> l, int limit) {
        sb.append('[');
        boolean first = true;
        for (Object o : l) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            appendRepr(sb, o, limit);
            if (sb.length() > limit) {
                break;
            }
        }
        sb.append(']');
    }

    private static void appendMap(StringBuilder sb, Map<?, ?> m, int limit) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            appendRepr(sb, e.getKey(), limit);
            sb.append(": ");
            appendRepr(sb, e.getValue(), limit);
            if (sb.length() > limit) {
                break;
            }
        }
        sb.append('}');
    }

    private static void appendQuoted(StringBuilder sb, String s) {
        sb.append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'' -> sb.append("\\'");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        sb.append('\'');
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return Double.toString(d);
    }

    // ---------------------------------------------------------------- equality and ordering

    static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (numeric(a) && numeric(b)) {
            return !isNaN(a) && !isNaN(b) && compareNumbers(a, b) == 0;
        }
        if (a instanceof Enum<?> e && b instanceof CharSequence s) {
            return e.name().contentEquals(s);
        }
        if (b instanceof Enum<?> e && a instanceof CharSequence s) {
            return e.name().contentEquals(s);
        }
        if (a instanceof CharSequence x && b instanceof CharSequence y) {
            return x.toString().contentEquals(y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return listsEqual(x, y);
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return mapsEqual(x, y);
        }
        return a.equals(b);
    }

    private static boolean listsEqual(List<?> x, List<?> y) {
        if (x.size() != y.size()) {
            return false;
        }
        Iterator<?> i = x.iterator();
        Iterator<?> j = y.iterator();
        while (i.hasNext()) {
            if (!equal(i.next(), j.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean mapsEqual(Map<?, ?> x, Map<?, ?> y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (Map.Entry<?, ?> e : x.entrySet()) {
            if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean numeric(Object v) {
        return isNumber(v);
    }

    /**
     * Orders two values of the same kind: numbers, strings, or lists of such (lexicographically).
     *
     * @param a left
     * @param b right
     * @param op the operator, for the message
     * @return negative, zero or positive
     */
    static int compare(Object a, Object b, String op) {
        if (numeric(a) && numeric(b)) {
            if (isNaN(a) || isNaN(b)) {
                return UNORDERED;
            }
            return Integer.signum(compareNumbers(a, b));
        }
        if (a instanceof CharSequence x && b instanceof CharSequence y) {
            return Integer.signum(x.toString().compareTo(y.toString()));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return compareLists(x, y, op);
        }
        throw new EvalFault("cannot compare " + describe(a) + " with " + describe(b) + " using '" + op + "'");
    }

    private static int compareLists(List<?> x, List<?> y, String op) {
        Iterator<?> i = x.iterator();
        Iterator<?> j = y.iterator();
        while (i.hasNext() && j.hasNext()) {
            Object p = i.next();
            Object q = j.next();
            if (!equal(p, q)) {
                return compare(p, q, op);
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    private static boolean isNaN(Object v) {
        return (v instanceof Double d && d.isNaN()) || (v instanceof Float f && f.isNaN());
    }

    private static int compareNumbers(Object a, Object b) {
        if (isIntegral(a) && isIntegral(b)) {
            return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        }
        if (isDecimal(a) || isDecimal(b)) {
            if (isNaN(a) || isNaN(b) || isInfinite(a) || isInfinite(b)) {
                return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
            }
            return decimal(a).compareTo(decimal(b));
        }
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        return x < y ? -1 : x > y ? 1 : x == y ? 0 : Double.compare(x, y);
    }

    private static boolean isInfinite(Object v) {
        return (v instanceof Double d && d.isInfinite()) || (v instanceof Float f && f.isInfinite());
    }

    static BigDecimal decimal(Object v) {
        return switch (v) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Double d -> BigDecimal.valueOf(d);
            case Float f -> BigDecimal.valueOf(f.doubleValue());
            default -> BigDecimal.valueOf(((Number) v).longValue());
        };
    }

    static boolean contains(Object container, Object item) {
        switch (container) {
            case CharSequence s -> {
                if (!(item instanceof CharSequence sub)) {
                    throw new EvalFault("'in <str>' needs a string on the left, not " + describe(item));
                }
                return s.toString().contains(sub);
            }
            case Map<?, ?> m -> {
                return item instanceof String k && m.containsKey(k);
            }
            case java.util.Collection<?> c -> {
                for (Object o : c) {
                    if (equal(o, item)) {
                        return true;
                    }
                }
                return false;
            }
            case null, default -> throw new EvalFault("'in' needs a str, list or dict on the right, not "
                    + describe(container));
        }
    }

    // ---------------------------------------------------------------- arithmetic

    static Object arithmetic(String op, Object a, Object b) {
        if (op.equals("+")) {
            if (a instanceof CharSequence x && b instanceof CharSequence y) {
                return x.toString() + y;
            }
            if (a instanceof List<?> x && b instanceof List<?> y) {
                return java.util.stream.Stream.concat(x.stream(), y.stream()).toList();
            }
        }
        if (!numeric(a) || !numeric(b)) {
            throw new EvalFault("unsupported operand types for '" + op + "': " + describe(a) + " and "
                    + describe(b));
        }
        if (isIntegral(a) && isIntegral(b)) {
            return integral(op, ((Number) a).longValue(), ((Number) b).longValue());
        }
        if (isDecimal(a) || isDecimal(b)) {
            if (isNaN(a) || isNaN(b) || isInfinite(a) || isInfinite(b)) {
                return floating(op, ((Number) a).doubleValue(), ((Number) b).doubleValue());
            }
            return decimalOp(op, decimal(a), decimal(b));
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
            case "//" -> a.divide(b, MathContext.DECIMAL64).setScale(0, java.math.RoundingMode.FLOOR);
            case "%" -> a.subtract(b.multiply(a.divide(b, MathContext.DECIMAL64)
                    .setScale(0, java.math.RoundingMode.FLOOR)));
            case "**" -> floating(op, a.doubleValue(), b.doubleValue());
            default -> throw new IllegalStateException("operator " + op);
        };
    }

    static Object negate(Object v) {
        if (isIntegral(v)) {
            long x = ((Number) v).longValue();
            if (x == Long.MIN_VALUE) {
                throw new EvalFault("integer overflow: -(" + x + ") does not fit in 64 bits");
            }
            return -x;
        }
        if (v instanceof Double || v instanceof Float) {
            return -((Number) v).doubleValue();
        }
        if (isDecimal(v)) {
            return decimal(v).negate();
        }
        throw new EvalFault("bad operand type for unary '-': " + describe(v));
    }

    static Object plus(Object v) {
        if (!numeric(v)) {
            throw new EvalFault("bad operand type for unary '+': " + describe(v));
        }
        return v;
    }
}
