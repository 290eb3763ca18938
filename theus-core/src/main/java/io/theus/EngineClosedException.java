package io.theus;

/**
 * Raised when a closed engine is asked to do work.
 *
 * <p>Immutable and thread-safe.
 */
public class EngineClosedException extends TheusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the explanation
     */
    public EngineClosedException(String message) {
        super(message, null, null, null);
    }
}
