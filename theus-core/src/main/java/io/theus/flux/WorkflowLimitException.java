package io.theus.flux;

/**
 * A run reached its operation limit ({@code max_ops}): it would have executed more process steps and loop
 * iterations than allowed, which stops runaway loops. The position is that of the step or loop that would have
 * exceeded it.
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkflowLimitException extends WorkflowException {
    private static final long serialVersionUID = 1L;

    private final long maxOps;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param maxOps the limit
     * @param result the partial result
     * @param source the workflow's source
     * @param line line of the step or loop
     * @param column column of the step or loop
     */
    public WorkflowLimitException(String message, long maxOps, WorkflowResult result, String source, int line,
                                  int column) {
        super(message, null, result, source, line, column, null);
        this.maxOps = maxOps;
    }

    /** {@return the limit that was reached} */
    public long maxOps() {
        return maxOps;
    }
}
