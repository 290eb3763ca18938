package io.theus.flux;

import io.theus.DefinitionException;

/**
 * Raised when a workflow cannot be loaded or does not fit the engine it is about to run on: malformed YAML, unknown
 * or missing keys, empty blocks, values of the wrong type, a condition outside the expression grammar, an unknown
 * process or name, arguments a process does not accept, refused aliases or nesting. Nothing has run when it is
 * raised.
 *
 * <p>The message reads {@code source:line:column: problem; expected what}. Lines and columns are 1-based; 0 means
 * that the position is unknown (e.g. the file could not be read).
 *
 * <p>Immutable and thread-safe.
 */
public class WorkflowDefinitionException extends DefinitionException {
    private static final long serialVersionUID = 1L;

    private final String expected;

    /**
     * Creates the exception.
     *
     * @param source the file or resource name
     * @param line 1-based line, or 0 if unknown
     * @param column 1-based column, or 0 if unknown
     * @param problem what is wrong, naming the offending key or value
     * @param expected what was expected instead
     * @param cause the underlying cause, or {@code null}
     */
    public WorkflowDefinitionException(String source, int line, int column, String problem, String expected,
                                       Throwable cause) {
        super(source, line, column, problem, format(source, line, column, problem, expected), cause);
        this.expected = expected;
    }

    private static String format(String source, int line, int column, String problem, String expected) {
        String where = line > 0 ? source + ":" + line + ":" + column : source;
        return where + ": " + problem + (expected == null || expected.isEmpty() ? "" : "; expected " + expected);
    }




    /** {@return what the loader expected at that position} */
    public String expected() {
        return expected;
    }
}
