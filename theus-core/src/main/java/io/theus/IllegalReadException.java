package io.theus;

import io.theus.state.Capability;
import io.theus.state.Zone;

/**
 * Raised when a process reads a path its contract does not declare (neither as input nor as output).
 *
 * <p>Immutable and thread-safe.
 */
public final class IllegalReadException extends ContractViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param process the process that read
     * @param path the path it read
     * @param zone the zone of that path
     * @param message the explanation
     */
    public IllegalReadException(String process, String path, Zone zone, String message) {
        super(message, process, path, Capability.READ, zone);
    }
}
