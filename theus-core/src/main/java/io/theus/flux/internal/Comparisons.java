package io.theus.flux.internal;

/**
 * The comparison operators of conditions, resolved once at compile time. Ordering a NaN with anything is false, as
 * in Python.
 *
 * <p>Stateless and thread-safe.
 */
final class Comparisons {
    private Comparisons() {
    }

    /** One comparison operator. */
    @FunctionalInterface
    interface Test {
        boolean test(Object a, Object b);
    }

    /**
     * Resolves an operator.
     *
     * @param op the operator text
     * @return its test
     */
    static Test of(String op) {
        return switch (op) {
            case "==" -> Values::equal;
            case "!=" -> (a, b) -> !Values.equal(a, b);
            case "<" -> (a, b) -> {
                int c = order(a, b, op);
                return c != Values.UNORDERED && c < 0;
            };
            case "<=" -> (a, b) -> {
                int c = order(a, b, op);
                return c != Values.UNORDERED && c <= 0;
            };
            case ">" -> (a, b) -> {
                int c = order(a, b, op);
                return c != Values.UNORDERED && c > 0;
            };
            case ">=" -> (a, b) -> {
                int c = order(a, b, op);
                return c != Values.UNORDERED && c >= 0;
            };
            case "in" -> (a, b) -> Values.contains(b, a);
            case "not in" -> (a, b) -> !Values.contains(b, a);
            case "is" -> Comparisons::same;
            case "is not" -> (a, b) -> !same(a, b);
            default -> throw new IllegalArgumentException("operator " + op);
        };
    }

    /** Orders two values, with a fast path for the integers state trees mostly hold. */
    private static int order(Object a, Object b, String op) {
        if ((a instanceof Integer || a instanceof Long) && (b instanceof Integer || b instanceof Long)) {
            return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        }
        return Values.compare(a, b, op);
    }

    private static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            return a.equals(b);
        }
        return a == b || Values.equal(a, b) && a.getClass() == b.getClass();
    }
}
