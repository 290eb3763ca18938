package io.theus.flux;

/**
 * A condition could not be evaluated on the committed state: a missing key, a value of the wrong type (comparing a
 * string to a number), a division by zero. The message names the condition, the failing part of it and the values
 * involved; {@link #line()} and {@link #column()} point at that part in the document.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConditionEvaluationException extends WorkflowException {
    private static final long serialVersionUID = 1L;

    private final String expression;

    /**
     * Creates the exception.
     *
     * @param message what happened, with the values
     * @param expression the whole condition
     * @param result the partial result
     * @param source the workflow's source
     * @param line line of the failing part
     * @param column column of the failing part
     */
    public ConditionEvaluationException(String message, String expression, WorkflowResult result, String source,
                                        int line, int column) {
        super(message, null, result, source, line, column, null);
        this.expression = expression;
    }

    /** {@return the condition's text} */
    public String expression() {
        return expression;
    }
}
