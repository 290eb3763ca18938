package io.theus.audit;

import io.theus.TheusException;

/**
 * Raised for every execution attempted while the engine's audit interlock is tripped (after a level-S violation),
 * until the interlock is reset.
 *
 * <p>Immutable and thread-safe.
 */
public final class AuditInterlockException extends TheusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param process the process refused
     * @param message why, naming the violation that tripped the interlock
     */
    public AuditInterlockException(String process, String message) {
        super(message, process, null, null);
    }
}
