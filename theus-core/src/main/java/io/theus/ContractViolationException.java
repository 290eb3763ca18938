package io.theus;

import io.theus.state.Capability;
import io.theus.state.Zone;

/**
 * Raised at run time when a process touches state outside its contract or beyond a zone's ceiling. Nothing the
 * process wrote is committed.
 *
 * <p>Immutable and thread-safe.
 */
public abstract sealed class ContractViolationException extends TheusException
        permits IllegalReadException, IllegalWriteException {
    private static final long serialVersionUID = 1L;

    private final Capability capability;
    private final Zone zone;

    ContractViolationException(String message, String process, String path, Capability capability, Zone zone) {
        super(message, process, path, null);
        this.capability = capability;
        this.zone = zone;
    }

    /** {@return the capability the process lacked} */
    public Capability capability() {
        return capability;
    }

    /** {@return the zone of the path} */
    public Zone zone() {
        return zone;
    }
}
