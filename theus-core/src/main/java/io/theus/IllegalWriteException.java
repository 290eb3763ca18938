package io.theus;

import io.theus.state.Capability;
import io.theus.state.Zone;

/**
 * Raised when a process writes a path its contract does not declare as an output, or needs a capability (append,
 * update, delete) the path's zone does not allow, or writes at all while declared PURE.
 *
 * <p>Immutable and thread-safe.
 */
public final class IllegalWriteException extends ContractViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param process the process that wrote
     * @param path the path it wrote
     * @param capability the capability the write needed
     * @param zone the zone of that path
     * @param message the explanation
     */
    public IllegalWriteException(String process, String path, Capability capability, Zone zone, String message) {
        super(message, process, path, capability, zone);
    }
}
