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

    /**
     * Returns an observer that publishes the run's events on a signal hub (SPEC G3), typically the engine's
     * {@code engine.signals()}: every state change on topic {@code <prefix>.transition} (payload: a map with
     * {@code from}, {@code event}, {@code to}, {@code detail}, {@code at}) and every executed process step on topic
     * {@code <prefix>.step} (payload: a map with {@code id}, {@code kind}, {@code label}, {@code line},
     * {@code number}, {@code version}). Payloads are immutable maps.
     *
     * {@snippet :
     * try (Subscription events = engine.signals().subscribe("agent.*")) {
     *     engine.executeWorkflow(workflow, WorkflowOptions.builder()
     *             .observer(WorkflowObserver.publishingTo(engine.signals(), "agent"))
     *             .build());
     * }
     * }
     *
     * @param hub the hub
     * @param topicPrefix the topic prefix, e.g. the workflow's name
     * @return the observer
     */
    static WorkflowObserver publishingTo(io.theus.signal.SignalHub hub, String topicPrefix) {
        java.util.Objects.requireNonNull(hub, "hub");
        if (topicPrefix == null || topicPrefix.isBlank()) {
            throw new IllegalArgumentException("topicPrefix must not be blank, was '" + topicPrefix + "'");
        }
        String transitions = topicPrefix + ".transition";
        String steps = topicPrefix + ".step";
        return new WorkflowObserver() {
            @Override
            public void onTransition(WorkflowTransition t) {
                hub.publish(transitions, java.util.Map.of("from", t.from().name(), "event", t.event().name(),
                        "to", t.to().name(), "detail", t.detail(), "at", t.at()));
            }

            @Override
            public void onStep(StepEvent e) {
                hub.publish(steps, java.util.Map.of("id", e.step().id(), "kind", e.step().kind().name(),
                        "label", e.step().label(), "line", e.step().line(), "number", e.number(),
                        "version", e.committed().version()));
            }
        };
    }
}
