package io.theus.audit;

import io.theus.TheusException;

/**
 * Raised when an audit rule rejects an execution. Nothing was committed. The subclasses say what the level does
 * beyond rejecting this execution.
 *
 * <p>Immutable and thread-safe.
 */
public class AuditViolationException extends TheusException {
    private static final long serialVersionUID = 1L;

    private final AuditLevel level;
    private final String key;

    /**
     * Creates the exception.
     *
     * @param level the level of the violated rule
     * @param process the process audited
     * @param key the counter key (e.g. {@code add_product:input:price})
     * @param message what was violated, with the value
     */
    public AuditViolationException(AuditLevel level, String process, String key, String message) {
        super(message, process, null, null);
        this.level = level;
        this.key = key;
    }

    /** {@return the level of the violated rule} */
    public AuditLevel level() {
        return level;
    }

    /** {@return the counter key of the violated rule} */
    public String key() {
        return key;
    }
}
