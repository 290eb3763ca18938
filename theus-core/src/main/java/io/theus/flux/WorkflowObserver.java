package io.theus.flux;

/**
 * Watches a workflow run: its state changes and its finished process steps. Both methods have no-op defaults.
 *
 * <p>Observers are called synchronously on the thread running the step (for {@code flux: parallel}, on the branch
 * threads, concurrently), so they must be thread-safe and quick. An exception thrown by an observer is logged and
 * ignored: it never breaks the run.
 */
public interface WorkflowObserver {

    /**
     * Called after the run changed state.
     *
     * @param transition the change
     */
    default void onTransition(WorkflowTransition transition) {
    }

    /**
     * Called after a process step committed.
     *
     * @param event the step
     */
    default void onStep(StepEvent event) {
    }
}
