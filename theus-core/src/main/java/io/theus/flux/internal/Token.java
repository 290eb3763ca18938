package io.theus.flux.internal;

/**
 * One token of a condition.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what it is
 * @param text the operator or name text; the decoded value for strings
 * @param value the parsed value of number and string literals, otherwise {@code null}
 * @param start 0-based offset of its first character
 * @param end 0-based offset after its last character
 */
record Token(Kind kind, String text, Object value, int start, int end) {

    /** Token kinds. */
    enum Kind {
        /** An identifier or keyword. */
        NAME,
        /** An integer or floating-point literal. */
        NUMBER,
        /** A quoted string literal. */
        STRING,
        /** An operator or punctuation. */
        OP,
        /** The end of the text. */
        END
    }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    boolean isOp(String t) {
        return is(Kind.OP, t);
    }

    boolean isName(String t) {
        return is(Kind.NAME, t);
    }

    String describe() {
        return switch (kind) {
            case END -> "the end of the condition";
            case STRING -> "string " + Values.repr(value);
            case NUMBER -> "number " + text;
            case NAME -> "'" + text + "'";
            case OP -> "'" + text + "'";
        };
    }
}
