package io.theus.flux;

/**
 * A process step was rejected by an audit rule of level A (abort), whose effect is to abort the running workflow
 * (SPEC A3). The {@link #getCause() cause} is the {@link io.theus.audit.AuditAbortException}.
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkflowAbortedException extends WorkflowFailedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param process the process of the aborted step
     * @param result the partial result
     * @param source the workflow's source
     * @param line line of the step
     * @param column column of the step
     * @param cause the audit violation
     */
    public WorkflowAbortedException(String message, String process, WorkflowResult result, String source, int line,
                                    int column, Throwable cause) {
        super(message, process, result, source, line, column, cause);
    }
}
