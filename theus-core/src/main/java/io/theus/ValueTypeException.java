package io.theus;

/**
 * Raised by typed getters ({@code getInt}, {@code getString}, {@code get(path, type)}) when the value at a path is
 * absent or of a type that cannot be converted to the requested one.
 *
 * <p>Immutable and thread-safe.
 */
public final class ValueTypeException extends TheusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param path the path that was read
     * @param message the explanation, naming the expected type and the value found
     */
    public ValueTypeException(String path, String message) {
        super(message, null, path, null);
    }
}
