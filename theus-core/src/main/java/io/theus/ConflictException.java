package io.theus;

import java.util.List;

/**
 * Raised when a transaction cannot commit because state it wrote (or, in serializable mode, read) was changed by
 * another commit since its snapshot, and no retries are left. Nothing was committed.
 *
 * <p>Immutable and thread-safe.
 */
public class ConflictException extends TheusException {
    private static final long serialVersionUID = 1L;

    private final List<String> conflictingPaths;
    private final int attempts;

    /**
     * Creates the exception.
     *
     * @param process the process (or {@code null} for explicit transactions)
     * @param conflictingPaths the paths committed by others that overlapped this transaction's paths
     * @param attempts how many attempts were made
     * @param message the explanation
     */
    public ConflictException(String process, List<String> conflictingPaths, int attempts, String message) {
        super(message, process, conflictingPaths.isEmpty() ? null : conflictingPaths.get(0), null);
        this.conflictingPaths = List.copyOf(conflictingPaths);
        this.attempts = attempts;
    }

    /** {@return the paths changed by other commits that overlapped this transaction} */
    public List<String> conflictingPaths() {
        return conflictingPaths;
    }

    /** {@return how many attempts were made before giving up} */
    public int attempts() {
        return attempts;
    }
}
