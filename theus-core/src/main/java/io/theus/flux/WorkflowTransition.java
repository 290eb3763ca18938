package io.theus.flux;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a run's history: a state change of its state machine.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the state before
 * @param event what happened
 * @param to the state after
 * @param at when (from the engine's clock)
 * @param detail what the event concerned, e.g. the step awaited or the failure message; may be empty
 */
public record WorkflowTransition(WorkflowStatus from, WorkflowEvent event, WorkflowStatus to, Instant at,
                                 String detail) {
    /**
     * Validates the components.
     *
     * @param from from
     * @param event event
     * @param to to
     * @param at at
     * @param detail detail
     */
    public WorkflowTransition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }
}
