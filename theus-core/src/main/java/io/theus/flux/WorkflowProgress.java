package io.theus.flux;

import java.util.Objects;

/**
 * How far a run has got, for progress displays.
 *
 * <p>Immutable and thread-safe.
 *
 * @param status the run's state
 * @param stepsExecuted process steps executed so far
 * @param opsUsed operations counted against the limit so far (process steps plus loop iterations)
 * @param maxOps the limit
 * @param version the latest version a step of the run committed (or the version the run started from)
 */
public record WorkflowProgress(WorkflowStatus status, long stepsExecuted, long opsUsed, long maxOps, long version) {
    /**
     * Validates the components.
     *
     * @param status status
     * @param stepsExecuted steps
     * @param opsUsed ops
     * @param maxOps limit
     * @param version version
     */
    public WorkflowProgress {
        Objects.requireNonNull(status, "status");
    }
}
