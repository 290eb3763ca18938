package io.theus;

/**
 * Raised when a value cannot be stored in the state tree: it is mutable and cannot be frozen, has non-string map keys, or is otherwise not an immutable value.
 *
 * <p>Immutable and thread-safe.
 */
public class InvalidValueException extends TheusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param path the path the value was meant for
     * @param message what is wrong with the value
     */
    public InvalidValueException(String path, String message) {
        super(message, null, path, null);
    }
}
