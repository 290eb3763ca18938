package io.theus.flux.internal;

/**
 * The comparison operators of conditions. Ordering a NaN with anything is false, as in Python.
 *
 * <p>Stateless and thread-safe.
 */
final class Comparisons {
    private Comparisons() {
    }

    static boolean test(String op, Object a, Object b) {
        return switch (op) {
            case "==" -> Values.equal(a, b);
            case "!=" -> !Values.equal(a, b);
            case "<" -> {
                int c = Values.compare(a, b, op);
                yield c != Values.UNORDERED && c < 0;
            }
            case "<=" -> {
                int c = Values.compare(a, b, op);
                yield c != Values.UNORDERED && c <= 0;
            }
            case ">" -> {
                int c = Values.compare(a, b, op);
                yield c != Values.UNORDERED && c > 0;
            }
            case ">=" -> {
                int c = Values.compare(a, b, op);
                yield c != Values.UNORDERED && c >= 0;
            }
            case "in" -> Values.contains(b, a);
            case "not in" -> !Values.contains(b, a);
            case "is" -> same(a, b);
            case "is not" -> !same(a, b);
            default -> throw new IllegalStateException("operator " + op);
        };
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
