package io.theus.flux;

/**
 * The events that move a workflow run between {@link WorkflowStatus states}; see the table there.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum WorkflowEvent {
    /** The run starts interpreting. */
    START,
    /** The run hands a step to the engine (or forks parallel branches) and waits. */
    AWAIT,
    /** The step (or every branch) finished; the run continues. */
    RESUME,
    /** The last step finished. */
    FINISH,
    /** A step, a condition or the operation limit failed the run. */
    FAIL,
    /** The run was cancelled. */
    CANCEL
}
