package io.theus.audit;

/**
 * Level B: the violation count of a key reached its {@code threshold_max}; the transaction is rejected and the
 * counter resets.
 *
 * <p>Immutable and thread-safe.
 */
public final class AuditBlockException extends AuditViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param process the process audited
     * @param key the counter key
     * @param message what was violated, with the count and threshold
     */
    public AuditBlockException(String process, String key, String message) {
        super(AuditLevel.B, process, key, message);
    }
}
