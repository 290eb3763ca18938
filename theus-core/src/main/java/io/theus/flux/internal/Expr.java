package io.theus.flux.internal;

import java.util.List;

/**
 * The syntax tree of a condition. Every node knows its span in the condition text, so run-time errors can quote the
 * failing part and point at its column.
 *
 * <p>Implementations are immutable and thread-safe.
 */
sealed interface Expr {

    /** {@return the 0-based offset of the node's first character} */
    int start();

    /** {@return the 0-based offset after the node's last character} */
    int end();

    /**
     * A literal: {@code None}, a boolean, a {@code Long}, a {@code Double} or a string.
     *
     * @param value the value
     * @param start start offset
     * @param end end offset
     */
    record Literal(Object value, int start, int end) implements Expr {
    }

    /**
     * A list display {@code [a, b]}.
     *
     * @param items the items
     * @param start start offset
     * @param end end offset
     */
    record ListOf(List<Expr> items, int start, int end) implements Expr {
    }

    /**
     * A root variable: {@code domain}, {@code global}, {@code signal}, {@code cmd} or a namespace.
     *
     * @param name the name
     * @param start start offset
     * @param end end offset
     */
    record Root(String name, int start, int end) implements Expr {
    }

    /**
     * Member access {@code x.k} or {@code x[k]}.
     *
     * @param target what is indexed
     * @param key the key: a string literal for {@code x.k}
     * @param start start offset
     * @param end end offset
     */
    record Member(Expr target, Expr key, int start, int end) implements Expr {
    }

    /**
     * A call of a built-in function.
     *
     * @param function the function
     * @param args the arguments
     * @param start start offset
     * @param end end offset
     */
    record Call(Builtin function, List<Expr> args, int start, int end) implements Expr {
    }

    /**
     * {@code signal.get(topic)} or {@code signal.get(topic, default)} (also through {@code cmd}).
     *
     * @param topic the topic
     * @param fallback the default, or {@code null}
     * @param start start offset
     * @param end end offset
     */
    record SignalGet(Expr topic, Expr fallback, int start, int end) implements Expr {
    }

    /**
     * A unary operator: {@code -}, {@code +} or {@code not}.
     *
     * @param op the operator
     * @param operand the operand
     * @param start start offset
     * @param end end offset
     */
    record Unary(String op, Expr operand, int start, int end) implements Expr {
    }

    /**
     * A binary operator: arithmetic, {@code and}, {@code or}.
     *
     * @param op the operator
     * @param left the left operand
     * @param right the right operand
     * @param start start offset
     * @param end end offset
     */
    record Binary(String op, Expr left, Expr right, int start, int end) implements Expr {
    }

    /**
     * A comparison chain {@code a < b <= c}: true when every adjacent pair compares true; each operand is evaluated
     * at most once.
     *
     * @param operands two or more operands
     * @param ops one operator fewer: {@code == != < <= > >= in, not in, is, is not}
     * @param start start offset
     * @param end end offset
     */
    record Compare(List<Expr> operands, List<String> ops, int start, int end) implements Expr {
    }
}
