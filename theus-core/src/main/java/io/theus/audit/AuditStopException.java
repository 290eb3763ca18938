package io.theus.audit;

/**
 * Level S: the violation rejects the execution and trips the engine interlock; the engine refuses further executions
 * (with {@link AuditInterlockException}) until the interlock is reset.
 *
 * <p>Immutable and thread-safe.
 */
public final class AuditStopException extends AuditViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param process the process audited
     * @param key the counter key
     * @param message what was violated
     */
    public AuditStopException(String process, String key, String message) {
        super(AuditLevel.S, process, key, message);
    }
}
