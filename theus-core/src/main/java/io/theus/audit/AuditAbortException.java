package io.theus.audit;

/**
 * Level A: the violation rejects the execution and aborts the workflow that was running it.
 *
 * <p>Immutable and thread-safe.
 */
public final class AuditAbortException extends AuditViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param process the process audited
     * @param key the counter key
     * @param message what was violated
     */
    public AuditAbortException(String process, String key, String message) {
        super(AuditLevel.A, process, key, message);
    }
}
