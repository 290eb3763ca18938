package io.theus.flux;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The states of a workflow run, with the transition table that drives it (SPEC W4):
 *
 * <pre>
 * PENDING  --START-->  RUNNING  --AWAIT-->  WAITING_IO  --RESUME-->  RUNNING
 * RUNNING  --FINISH--> COMPLETE
 * RUNNING | WAITING_IO           --FAIL-->   FAILED
 * PENDING | RUNNING | WAITING_IO --CANCEL--> CANCELLED
 * </pre>
 *
 * <p>A run is {@code RUNNING} while the interpreter walks the workflow and evaluates conditions, and
 * {@code WAITING_IO} while it waits for a process step (its body, I/O and commit) or for parallel branches.
 * {@code COMPLETE}, {@code FAILED} and {@code CANCELLED} are terminal.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum WorkflowStatus {
    /** Created, not started yet. */
    PENDING,
    /** Interpreting the workflow: choosing the next step, evaluating conditions. */
    RUNNING,
    /** Waiting for a process step or for parallel branches to finish. */
    WAITING_IO,
    /** Every step ran; terminal. */
    COMPLETE,
    /** A step, a condition or the {@code max_ops} limit failed the run; terminal. */
    FAILED,
    /** Cancelled through its handle; terminal. */
    CANCELLED;

    private static final Map<WorkflowStatus, Map<WorkflowEvent, WorkflowStatus>> TABLE = table();

    private static Map<WorkflowStatus, Map<WorkflowEvent, WorkflowStatus>> table() {
        Map<WorkflowStatus, Map<WorkflowEvent, WorkflowStatus>> t = new EnumMap<>(WorkflowStatus.class);
        for (WorkflowStatus s : values()) {
            t.put(s, new EnumMap<>(WorkflowEvent.class));
        }
        t.get(PENDING).put(WorkflowEvent.START, RUNNING);
        t.get(PENDING).put(WorkflowEvent.CANCEL, CANCELLED);
        t.get(RUNNING).put(WorkflowEvent.AWAIT, WAITING_IO);
        t.get(RUNNING).put(WorkflowEvent.FINISH, COMPLETE);
        t.get(RUNNING).put(WorkflowEvent.FAIL, FAILED);
        t.get(RUNNING).put(WorkflowEvent.CANCEL, CANCELLED);
        t.get(WAITING_IO).put(WorkflowEvent.RESUME, RUNNING);
        t.get(WAITING_IO).put(WorkflowEvent.FAIL, FAILED);
        t.get(WAITING_IO).put(WorkflowEvent.CANCEL, CANCELLED);
        return t;
    }

    /**
     * Looks up the transition table.
     *
     * @param event the event
     * @return the state the event leads to from this one, or empty if the event is not allowed here
     */
    public Optional<WorkflowStatus> after(WorkflowEvent event) {
        return Optional.ofNullable(TABLE.get(this).get(event));
    }

    /** {@return whether no event leads out of this state} */
    public boolean isTerminal() {
        return this == COMPLETE || this == FAILED || this == CANCELLED;
    }
}
