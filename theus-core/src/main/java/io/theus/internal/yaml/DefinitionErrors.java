package io.theus.internal.yaml;

import io.theus.DefinitionException;

/**
 * Makes the exception a front-end raises for a problem in one of its documents, so that the shared reader can raise
 * a {@link io.theus.flux.WorkflowDefinitionException} for workflows and a plain {@link DefinitionException} for
 * recipes and schemas with the same wording.
 *
 * <p>Implementations must be stateless and thread-safe.
 */
@FunctionalInterface
public interface DefinitionErrors {
    /** Plain {@link DefinitionException}s: the problem must read on its own, {@code expected} is not shown. */
    DefinitionErrors PLAIN = (source, line, column, problem, expected, cause) ->
            new DefinitionException(source, line, column, problem, cause);

    /**
     * Creates the exception.
     *
     * @param source the document: a file path, a classpath resource or a name given by the caller
     * @param line the 1-based line, or 0 when unknown
     * @param column the 1-based column, or 0 when unknown
     * @param problem what is wrong, naming the rule and the offending value; reads on its own
     * @param expected what would have been accepted, or {@code null}
     * @param cause the underlying cause, or {@code null}
     * @return the exception to throw
     */
    DefinitionException create(String source, int line, int column, String problem, String expected,
                               Throwable cause);
}
