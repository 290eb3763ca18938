package io.theus;

/**
 * Raised when the value returned by a process cannot be mapped onto its declared outputs.
 *
 * <p>Immutable and thread-safe.
 */
public class ReturnMappingException extends TheusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param process the process that returned the value
     * @param path the output path involved, or {@code null}
     * @param message the explanation
     */
    public ReturnMappingException(String process, String path, String message) {
        super(message, process, path, null);
    }
}
