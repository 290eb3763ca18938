package io.theus.flux.internal;

/**
 * The functions a condition may call, with their arities (SPEC W2).
 *
 * <p>Enum constants are immutable and thread-safe.
 */
enum Builtin {
    /** Length of a string, list or dict. */
    LEN(1, 1),
    /** Integer conversion (truncates floats, parses strings). */
    INT(1, 1),
    /** Float conversion. */
    FLOAT(1, 1),
    /** Python-style text form. */
    STR(1, 1),
    /** Truthiness. */
    BOOL(1, 1),
    /** Absolute value. */
    ABS(1, 1),
    /** Smallest of a list or of the arguments. */
    MIN(1, Integer.MAX_VALUE),
    /** Largest of a list or of the arguments. */
    MAX(1, Integer.MAX_VALUE),
    /** Sum of a list, with an optional start. */
    SUM(1, 2);

    private final int minArgs;
    private final int maxArgs;

    Builtin(int minArgs, int maxArgs) {
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    /** {@return the name used in conditions} */
    String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Finds a function by name.
     *
     * @param name a name
     * @return the function, or {@code null}
     */
    static Builtin named(String name) {
        for (Builtin b : values()) {
            if (b.text().equals(name)) {
                return b;
            }
        }
        return null;
    }

    boolean accepts(int count) {
        return count >= minArgs && count <= maxArgs;
    }

    String arity() {
        if (minArgs == maxArgs) {
            return minArgs + " argument" + (minArgs == 1 ? "" : "s");
        }
        return maxArgs == Integer.MAX_VALUE ? minArgs + " or more arguments" : minArgs + " to " + maxArgs
                + " arguments";
    }
}
