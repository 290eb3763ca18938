package io.theus.flux;

import io.theus.state.StateSnapshot;

import java.util.Objects;

/**
 * A process step that finished: what ran, the version it committed and what the process returned.
 *
 * <p>Immutable and thread-safe (the result is whatever the process returned; treat it as read-only).
 *
 * @param step the step
 * @param number how many process steps the run has executed, this one included
 * @param committed the version the step committed (or read, if it changed nothing): what the next condition sees
 * @param result what the process returned, or {@code null}
 */
public record StepEvent(StepLocation step, long number, StateSnapshot committed, Object result) {
    /**
     * Validates the components.
     *
     * @param step step
     * @param number number
     * @param committed committed version
     * @param result result or {@code null}
     */
    public StepEvent {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(committed, "committed");
    }
}
