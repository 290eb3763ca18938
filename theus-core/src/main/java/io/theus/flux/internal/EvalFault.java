package io.theus.flux.internal;

/**
 * A condition that failed while being evaluated (missing key, wrong type, division by zero). Raised by the
 * operations in {@link Values} without a position; the compiled node that called them adds its span, and
 * {@link Condition} turns it into a {@code ConditionEvaluationException}. No stack trace: it is an expected outcome.
 *
 * <p>Not thread-safe (the span is set once by the node that catches it first); confined to the evaluating thread.
 */
final class EvalFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private int start = -1;
    private int end = -1;

    EvalFault(String message) {
        super(message, null, false, false);
    }

    /**
     * Sets the span of the failing node unless an inner node set it already.
     *
     * @param from start offset
     * @param to end offset
     * @return this fault
     */
    EvalFault at(int from, int to) {
        if (start < 0) {
            start = from;
            end = to;
        }
        return this;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }
}
