package io.theus.flux.internal;

/**
 * A condition outside the expression grammar, found by the lexer or the parser. It carries the offset of the
 * offending text in the condition; the loader turns it into a {@code WorkflowDefinitionException} with line and
 * column in the document.
 *
 * <p>Immutable and thread-safe.
 */
public final class ExpressionSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String problem;
    private final String expected;

    /**
     * Creates the exception.
     *
     * @param offset 0-based offset in the condition text
     * @param problem what is wrong
     * @param expected what was expected there
     */
    public ExpressionSyntaxException(int offset, String problem, String expected) {
        super(problem + (expected.isEmpty() ? "" : "; expected " + expected) + " (at offset " + offset + ")", null,
                false, false);
        this.offset = offset;
        this.problem = problem;
        this.expected = expected;
    }

    /** {@return the 0-based offset of the problem in the condition} */
    public int offset() {
        return offset;
    }

    /** {@return what is wrong} */
    public String problem() {
        return problem;
    }

    /** {@return what was expected} */
    public String expected() {
        return expected;
    }
}
