package io.theus;

import java.util.List;

/**
 * A {@link ConflictException} raised by a whole-version check: a compare-and-swap or an asserted version found that
 * the state is no longer at the expected version. Retrying cannot help, so the engine does not retry.
 *
 * <p>Immutable and thread-safe.
 */
public final class VersionMismatchException extends ConflictException {
    private static final long serialVersionUID = 1L;

    private final long expected;
    private final long actual;

    /**
     * Creates the exception.
     *
     * @param process the process (or {@code null} for explicit compare-and-swap)
     * @param expected the version the caller expected
     * @param actual the version found
     */
    public VersionMismatchException(String process, long expected, long actual) {
        super(process, List.of(), 1, "expected state version " + expected + " but it is " + actual
                + (process == null ? "" : " (process '" + process + "')"));
        this.expected = expected;
        this.actual = actual;
    }

    /** {@return the version the caller expected} */
    public long expected() {
        return expected;
    }

    /** {@return the version the state was actually at} */
    public long actual() {
        return actual;
    }
}
