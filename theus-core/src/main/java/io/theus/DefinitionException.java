package io.theus;

/**
 * Raised when a definition document (an audit recipe, a context schema, a workflow) is malformed: a YAML syntax
 * error, an unknown key, a value of the wrong type, a bad regular expression, an alias bomb or absurd nesting. It
 * names the document, the 1-based line and column of the offending node, and the rule that was broken; nothing
 * defined by the document is used.
 *
 * <p>Immutable and thread-safe.
 */
public class DefinitionException extends TheusException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * Creates the exception. The message is {@code source:line:column: problem}.
     *
     * @param source the document: a file path, a classpath resource or a name given by the caller
     * @param line the 1-based line of the offending node, or 0 when unknown
     * @param column the 1-based column of the offending node, or 0 when unknown
     * @param problem what is wrong, naming the key, the rule and the offending value
     */
    public DefinitionException(String source, int line, int column, String problem) {
        this(source, line, column, problem, null);
    }

    /**
     * Creates the exception with its cause (e.g. the I/O error that kept the document from being read). The message
     * is {@code source:line:column: problem}.
     *
     * @param source the document: a file path, a classpath resource or a name given by the caller
     * @param line the 1-based line of the offending node, or 0 when unknown
     * @param column the 1-based column of the offending node, or 0 when unknown
     * @param problem what is wrong, naming the key, the rule and the offending value
     * @param cause the underlying cause, or {@code null}
     */
    public DefinitionException(String source, int line, int column, String problem, Throwable cause) {
        this(source, line, column, problem, source + ":" + line + ":" + column + ": " + problem, cause);
    }

    /**
     * Creates the exception with a message of the subclass's making.
     *
     * @param source the file or resource name
     * @param line the 1-based line, or 0 when the problem concerns the whole document
     * @param column the 1-based column, or 0
     * @param problem what is wrong, without the location
     * @param message the full message
     * @param cause the underlying cause, or {@code null}
     */
    protected DefinitionException(String source, int line, int column, String problem, String message,
                                  Throwable cause) {
        super(message, null, null, cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** {@return the document: a file path, a classpath resource or a name given by the caller} */
    public String source() {
        return source;
    }

    /** {@return the 1-based line of the offending node, or 0 when unknown} */
    public int line() {
        return line;
    }

    /** {@return the 1-based column of the offending node, or 0 when unknown} */
    public int column() {
        return column;
    }

    /** {@return what is wrong, without the location prefix} */
    public String problem() {
        return problem;
    }
}
