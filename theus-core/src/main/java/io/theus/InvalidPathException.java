package io.theus;

/**
 * Raised when a string is not a well-formed state path, names an unknown root, or uses a wildcard where a concrete path is needed.
 *
 * <p>Immutable and thread-safe.
 */
public class InvalidPathException extends TheusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param path the offending path text
     * @param message what is wrong with it
     */
    public InvalidPathException(String path, String message) {
        super(message, null, path, null);
    }
}
