package io.theus.flux;

/**
 * A run was cancelled through its {@link WorkflowRun handle}. Every step that had committed stays committed.
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkflowCancelledException extends WorkflowException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param result the partial result
     * @param source the workflow's source
     */
    public WorkflowCancelledException(String message, WorkflowResult result, String source) {
        super(message, null, result, source, 0, 0, null);
    }
}
