package io.theus.flux;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The handle of a workflow run started in the background with {@code TheusEngine.startWorkflow}: the pattern a GUI
 * or a service uses instead of blocking its own thread. Poll {@link #status()} and {@link #progress()}, watch it
 * through a {@link WorkflowObserver}, {@link #cancel()} it, or {@link #await()} its result.
 *
 * {@snippet :
 * WorkflowRun run = engine.startWorkflow(workflow, WorkflowOptions.defaults());
 * // ... the caller's thread stays free; later:
 * WorkflowResult result = run.await();
 * }
 *
 * <p>Thread-safe: any thread may query, cancel or await the run.
 */
public interface WorkflowRun {

    /** {@return the workflow's name} */
    String workflow();

    /** {@return the run's current state} */
    WorkflowStatus status();

    /** {@return the step the run is at (the parallel block while branches run), empty when none} */
    Optional<StepLocation> currentStep();

    /** {@return how far the run has got} */
    WorkflowProgress progress();

    /** {@return the state changes so far, oldest first} */
    List<WorkflowTransition> history();

    /** {@return the run's position as a serialisable value} */
    RunState runState();

    /**
     * Asks the run to stop. A run that has not started is cancelled at once; a running one stops before its next
     * step or loop iteration (a step already handed to the engine finishes: its transaction is all or nothing).
     * The run then ends {@link WorkflowStatus#CANCELLED} and {@link #await()} throws
     * {@link WorkflowCancelledException}.
     *
     * @return {@code false} if the run had already ended
     */
    boolean cancel();

    /**
     * Waits for the run to end.
     *
     * @return the result of a complete run
     * @throws WorkflowException if the run failed or was cancelled (the exception carries the partial result)
     * @throws InterruptedException if the waiting thread is interrupted (the run goes on)
     */
    WorkflowResult await() throws InterruptedException;

    /**
     * Waits at most a given time for the run to end.
     *
     * @param timeout how long to wait
     * @return the result, or empty if the run is still going
     * @throws WorkflowException if the run failed or was cancelled
     * @throws InterruptedException if the waiting thread is interrupted (the run goes on)
     */
    Optional<WorkflowResult> await(Duration timeout) throws InterruptedException;

    /**
     * {@return a future of the result, completed exceptionally with the {@link WorkflowException} of a failed or
     * cancelled run; completing or cancelling the returned future does not affect the run}
     */
    CompletableFuture<WorkflowResult> completion();
}
