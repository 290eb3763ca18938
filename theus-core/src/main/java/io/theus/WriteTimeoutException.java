package io.theus;

/**
 * Raised when a transaction is older than the engine's write timeout when it tries to commit, or was interrupted for being too old. Nothing is committed.
 *
 * <p>Immutable and thread-safe.
 */
public class WriteTimeoutException extends TheusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param process the process whose transaction timed out, or {@code null}
     * @param message the explanation with the limit and the elapsed time
     */
    public WriteTimeoutException(String process, String message) {
        super(message, process, null, null);
    }
}
