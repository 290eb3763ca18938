package io.theus.flux;

import io.theus.TheusException;

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
public class WorkflowDefinitionException extends TheusException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
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
        super(format(source, line, column, problem, expected), null, null, cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.expected = expected;
    }

    private static String format(String source, int line, int column, String problem, String expected) {
        String where = line > 0 ? source + ":" + line + ":" + column : source;
        return where + ": " + problem + (expected == null || expected.isEmpty() ? "" : "; expected " + expected);
    }

    /** {@return the file or resource the workflow came from} */
    public String source() {
        return source;
    }

    /** {@return the 1-based line of the problem, or 0 if unknown} */
    public int line() {
        return line;
    }

    /** {@return the 1-based column of the problem, or 0 if unknown} */
    public int column() {
        return column;
    }

    /** {@return what the loader expected at that position} */
    public String expected() {
        return expected;
    }
}
