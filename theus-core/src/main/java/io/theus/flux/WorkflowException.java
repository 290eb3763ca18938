package io.theus.flux;

import io.theus.TheusException;

import java.util.Objects;

/**
 * Root of the failures of a workflow run that had started: a step failed, a condition could not be evaluated, the
 * operation limit was reached, or the run was cancelled. It carries the partial {@link #result()} (steps executed,
 * the last version a step committed, the history) and the position in the document where the run stopped.
 *
 * <p>Loading problems are {@link WorkflowDefinitionException}s instead: nothing runs then.
 *
 * <p>Immutable and thread-safe.
 */
public class WorkflowException extends TheusException {
    private static final long serialVersionUID = 1L;

    private final transient WorkflowResult result;
    private final String source;
    private final int line;
    private final int column;

    /**
     * Creates the exception.
     *
     * @param message what happened, naming the workflow and the step
     * @param process the process of the failed step, or {@code null}
     * @param result the partial result
     * @param source the workflow's file or resource
     * @param line 1-based line where the run stopped, or 0
     * @param column 1-based column where the run stopped, or 0
     * @param cause the underlying cause, or {@code null}
     */
    public WorkflowException(String message, String process, WorkflowResult result, String source, int line,
                             int column, Throwable cause) {
        super(message, process, null, cause);
        this.result = Objects.requireNonNull(result, "result");
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** {@return what the run did before it stopped; its status is FAILED or CANCELLED} */
    public WorkflowResult result() {
        return result;
    }

    /** {@return the name of the workflow} */
    public String workflow() {
        return result.workflow();
    }

    /** {@return the workflow's file or resource} */
    public String source() {
        return source;
    }

    /** {@return the 1-based line where the run stopped, or 0 if it stopped between steps} */
    public int line() {
        return line;
    }

    /** {@return the 1-based column where the run stopped, or 0 if it stopped between steps} */
    public int column() {
        return column;
    }
}
