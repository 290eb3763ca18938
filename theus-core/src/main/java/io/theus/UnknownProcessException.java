package io.theus;

/**
 * Raised when an engine is asked to run a process that is not registered.
 *
 * <p>Immutable and thread-safe.
 */
public class UnknownProcessException extends TheusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param process the requested name
     * @param message the explanation, listing close matches where possible
     */
    public UnknownProcessException(String process, String message) {
        super(message, process, null, null);
    }
}
