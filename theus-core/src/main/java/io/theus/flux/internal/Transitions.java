package io.theus.flux.internal;

import io.theus.flux.WorkflowEvent;
import io.theus.flux.WorkflowStatus;

/**
 * The run state machine's transition table ({@link WorkflowStatus#after}) copied into an array indexed by ordinals,
 * for the two transitions every step makes.
 *
 * <p>Immutable and thread-safe.
 */
final class Transitions {
    private static final WorkflowStatus[][] TABLE = table();

    private Transitions() {
    }

    private static WorkflowStatus[][] table() {
        WorkflowStatus[][] t = new WorkflowStatus[WorkflowStatus.values().length][WorkflowEvent.values().length];
        for (WorkflowStatus s : WorkflowStatus.values()) {
            for (WorkflowEvent e : WorkflowEvent.values()) {
                t[s.ordinal()][e.ordinal()] = s.after(e).orElse(null);
            }
        }
        return t;
    }

    /**
     * Looks up a transition.
     *
     * @param from the current state
     * @param event the event
     * @return the next state, or {@code null} if the event is not allowed in {@code from}
     */
    static WorkflowStatus next(WorkflowStatus from, WorkflowEvent event) {
        return TABLE[from.ordinal()][event.ordinal()];
    }
}
