package io.theus.flux.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The value semantics of conditions, modelled on Python: truthiness, equality across number types, ordering,
 * membership and the text form of {@code str()} ({@link Arithmetic} has the operators). Integers are 64-bit
 * ({@code long}), floats {@code double}, decimals {@link BigDecimal}. Booleans are not numbers here: ordering them
 * is a type error. Enum values compare equal to their name.
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

    static boolean isDecimal(Object v) {
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

    static boolean isNaN(Object v) {
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

    static boolean isInfinite(Object v) {
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
}
