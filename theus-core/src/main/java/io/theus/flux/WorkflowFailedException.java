package io.theus.flux;

/**
 * A process step of a workflow failed: the process threw, a guard, the audit or the schema refused it, or its
 * commit kept conflicting. The step committed nothing; every earlier step stays committed. The {@link #getCause()
 * cause} is what the engine's {@code execute} would have thrown; {@link #process()} names the process.
 *
 * <p>Immutable and thread-safe.
 */
public class WorkflowFailedException extends WorkflowException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param process the process of the failed step
     * @param result the partial result
     * @param source the workflow's source
     * @param line line of the step
     * @param column column of the step
     * @param cause what the step threw
     */
    public WorkflowFailedException(String message, String process, WorkflowResult result, String source, int line,
                                   int column, Throwable cause) {
        super(message, process, result, source, line, column, cause);
    }
}
