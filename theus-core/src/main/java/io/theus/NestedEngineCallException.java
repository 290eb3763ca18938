package io.theus;

/**
 * Raised when code running inside a process calls back into an engine (execute, transaction, edit, workflow). Compose inner steps as plain Java instead (the pipeline pattern).
 *
 * <p>Immutable and thread-safe.
 */
public class NestedEngineCallException extends TheusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param process the process that was running
     * @param message the explanation
     */
    public NestedEngineCallException(String process, String message) {
        super(message, process, null, null);
    }
}
