package io.theus;

/**
 * Raised at registration when a process contract is malformed: a bad path, a PURE process with outputs, a forbidden input zone, a duplicate name, an unbindable parameter.
 *
 * <p>Immutable and thread-safe.
 */
public class ContractDefinitionException extends TheusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param process the process being registered
     * @param path the offending path, or {@code null}
     * @param message the explanation
     */
    public ContractDefinitionException(String process, String path, String message) {
        super(message, process, path, null);
    }
}
