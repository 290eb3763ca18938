package io.theus.flux;

import io.theus.state.StateSnapshot;

import java.util.List;
import java.util.Objects;

/**
 * What a finished run did.
 *
 * <p>Immutable and thread-safe.
 *
 * @param workflow the workflow's name
 * @param status how it ended ({@link WorkflowStatus#COMPLETE} for a result returned by a successful run)
 * @param stepsExecuted process steps executed
 * @param opsUsed operations counted against {@code max_ops} (process steps plus loop iterations)
 * @param finalState the latest version committed by a step of the run (or the version it started from)
 * @param history the state changes of the run, oldest first (the most recent {@code historyLimit} of them)
 */
public record WorkflowResult(String workflow, WorkflowStatus status, long stepsExecuted, long opsUsed,
                             StateSnapshot finalState, List<WorkflowTransition> history) {
    /**
     * Validates the components and copies the history.
     *
     * @param workflow name
     * @param status status
     * @param stepsExecuted steps
     * @param opsUsed ops
     * @param finalState final state
     * @param history history
     */
    public WorkflowResult {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(finalState, "finalState");
        history = List.copyOf(history);
    }

    /** {@return the version of {@link #finalState()}} */
    public long finalVersion() {
        return finalState.version();
    }
}
