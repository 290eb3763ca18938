package io.theus.contract;

import java.util.Map;

/**
 * What a running process sees: its transaction's snapshot plus its own writes, guarded by its contract. Reading an
 * undeclared path raises {@link io.theus.IllegalReadException}; writing outside the declared outputs or beyond a
 * zone's ceiling raises {@link io.theus.IllegalWriteException}. PURE processes get a read-only context.
 *
 * <p>Paths under {@code local} are per-call scratch: readable and writable without declaration, never committed.
 *
 * <p>Not thread-safe: a context belongs to the thread running the process and is dead once the process returns.
 */
public interface ProcessContext extends StateEditor {

    /** {@return the name of the running process} */
    String processName();

    /** {@return per-call scratch space, discarded when the process returns} */
    Map<String, Object> local();

    /**
     * Opens a break-glass admin scope: until it is closed, zone ceilings are lifted (PRIVATE paths become visible
     * and writable, LOG paths may be set and removed), except CONSTANT, which stays read only. The contract's paths
     * still apply. The reason is recorded in the audit trail.
     *
     * @param reason why the scope is needed, not blank
     * @return the scope; close it to end the elevation
     */
    AdminScope admin(String reason);

    /** An open admin scope; closing it ends the elevation. Not thread-safe. */
    interface AdminScope extends AutoCloseable {
        /** Ends the elevation. */
        @Override
        void close();
    }
}
