package io.theus.flux;

import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

class WorkflowRunTest {

    /** A process that blocks until released, to hold a run inside a step. */
    private static CountDownLatch registerGate(TheusEngine engine) {
        CountDownLatch gate = new CountDownLatch(1);
        engine.register(ProcessSpec.builder("gate").outputs("domain.counter").body((ctx, args) -> {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
            return ctx.getInt("domain.counter") + 1;
        }).errors(InterruptedException.class, IllegalStateException.class).build());
        return gate;
    }

    @Test
    void backgroundRunReportsStatusStepAndProgressWhileItWaits() throws Exception {
        try (TheusEngine engine = Fixtures.engine()) {
            CountDownLatch gate = registerGate(engine);
            WorkflowRun run = engine.startWorkflow(Fixtures.yaml("""
                    name: background
                    steps:
                      - increment
                      - flux: while
                        condition: domain.counter < 2
                        do: [gate]
                    """), WorkflowOptions.defaults());
            await().until(() -> run.status() == WorkflowStatus.WAITING_IO && run.progress().stepsExecuted() == 1);
            assertThat(run.currentStep()).hasValueSatisfying(s -> {
                assertThat(s.label()).isEqualTo("gate");
                assertThat(s.line()).isEqualTo(6);
            });
            assertThat(run.progress()).isEqualTo(new WorkflowProgress(WorkflowStatus.WAITING_IO, 1, 3, 10_000,
                    engine.state().version()));
            assertThat(run.await(Duration.ofMillis(1))).isEmpty();
            gate.countDown();
            WorkflowResult result = run.await();
            assertThat(result.status()).isEqualTo(WorkflowStatus.COMPLETE);
            assertThat(result.workflow()).isEqualTo("background");
            assertThat(run.status()).isEqualTo(WorkflowStatus.COMPLETE);
            assertThat(run.currentStep()).isEmpty();
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(2);
        }
    }

    @Test
    void cancellingARunningWorkflowStopsItBeforeTheNextStep() throws Exception {
        try (TheusEngine engine = Fixtures.engine()) {
            CountDownLatch gate = registerGate(engine);
            WorkflowRun run = engine.startWorkflow(Fixtures.yaml("steps: [gate, increment, increment]"),
                    WorkflowOptions.defaults());
            await().until(() -> run.status() == WorkflowStatus.WAITING_IO);
            assertThat(run.cancel()).isTrue();
            gate.countDown();
            WorkflowCancelledException e = catchThrowableOfType(WorkflowCancelledException.class, run::await);
            assertThat(e.result().status()).isEqualTo(WorkflowStatus.CANCELLED);
            assertThat(e.result().stepsExecuted()).isEqualTo(1);
            assertThat(e.getMessage()).isEqualTo("workflow 'test' was cancelled after 1 step(s)");
            assertThat(run.status()).isEqualTo(WorkflowStatus.CANCELLED);
            assertThat(engine.state().getInt("domain.counter")).as("the running step finished").isEqualTo(1);
            assertThat(run.cancel()).as("already ended").isFalse();
        }
    }

    @Test
    void cancellingAPendingRunEndsItAtOnce() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        CountDownLatch busy = new CountDownLatch(1);
        try (TheusEngine engine = Fixtures.withProcesses(Fixtures.builder().executor(single).build())) {
            single.execute(() -> {
                try {
                    busy.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            WorkflowRun run = engine.startWorkflow(Fixtures.yaml("steps: [increment]"), WorkflowOptions.defaults());
            assertThat(run.status()).isEqualTo(WorkflowStatus.PENDING);
            assertThat(run.cancel()).isTrue();
            assertThat(run.status()).isEqualTo(WorkflowStatus.CANCELLED);
            assertThatThrownBy(run::await).isInstanceOf(WorkflowCancelledException.class)
                    .hasMessage("workflow 'test' was cancelled before it started");
            busy.countDown();
            single.shutdown();
            assertThat(single.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(engine.state().getInt("domain.counter")).isZero();
            assertThat(run.history()).extracting(WorkflowTransition::event).containsExactly(WorkflowEvent.CANCEL);
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void completionFutureCarriesTheResultOrTheFailure() {
        try (TheusEngine engine = Fixtures.engine()) {
            CompletableFuture<WorkflowResult> ok = engine.startWorkflow(Fixtures.yaml("steps: [increment]"),
                    WorkflowOptions.defaults()).completion();
            assertThat(ok.join().stepsExecuted()).isEqualTo(1);
            CompletableFuture<WorkflowResult> failed = engine.startWorkflow(Fixtures.yaml("steps: [explode]"),
                    WorkflowOptions.defaults()).completion();
            assertThatThrownBy(failed::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(WorkflowFailedException.class);
        }
    }

    @Test
    void definitionErrorsAreThrownByStartBeforeAnythingRuns() {
        try (TheusEngine engine = Fixtures.engine()) {
            assertThatThrownBy(() -> engine.startWorkflow(Fixtures.yaml("steps: [missing]"),
                    WorkflowOptions.defaults())).isInstanceOf(WorkflowDefinitionException.class);
        }
    }

    @Test
    void observersSeeEveryTransitionAndStepInOrder() {
        List<String> seen = new CopyOnWriteArrayList<>();
        WorkflowObserver observer = new WorkflowObserver() {
            @Override
            public void onTransition(WorkflowTransition t) {
                seen.add(t.from() + "->" + t.to());
            }

            @Override
            public void onStep(StepEvent e) {
                seen.add("step " + e.number() + " " + e.step().label() + " v" + e.committed().version() + " -> "
                        + e.result());
            }
        };
        try (TheusEngine engine = Fixtures.engine()) {
            engine.executeWorkflow(Fixtures.yaml("steps: [increment, increment]"),
                    WorkflowOptions.builder().observer(observer).build());
        }
        assertThat(seen).containsExactly("PENDING->RUNNING", "RUNNING->WAITING_IO", "WAITING_IO->RUNNING",
                "step 1 increment v2 -> 1", "RUNNING->WAITING_IO", "WAITING_IO->RUNNING", "step 2 increment v3 -> 2",
                "RUNNING->COMPLETE");
    }

    @Test
    void aFailingObserverNeverBreaksTheRun() {
        WorkflowObserver broken = new WorkflowObserver() {
            @Override
            public void onTransition(WorkflowTransition t) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void onStep(StepEvent e) {
                throw new IllegalStateException("observer bug");
            }
        };
        List<WorkflowStatus> after = new CopyOnWriteArrayList<>();
        WorkflowObserver healthy = new WorkflowObserver() {
            @Override
            public void onTransition(WorkflowTransition t) {
                after.add(t.to());
            }
        };
        try (TheusEngine engine = Fixtures.engine()) {
            WorkflowResult result = engine.executeWorkflow(Fixtures.yaml("steps: [increment, increment]"),
                    WorkflowOptions.builder().observer(broken).observer(healthy).build());
            assertThat(result.status()).isEqualTo(WorkflowStatus.COMPLETE);
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(2);
            assertThat(after).last().isEqualTo(WorkflowStatus.COMPLETE);
        }
    }

    @Test
    void runStateNamesThePositionAndLoopIterationAndSerialises() throws Exception {
        try (TheusEngine engine = Fixtures.engine()) {
            CountDownLatch gate = registerGate(engine);
            Workflow wf = Fixtures.yaml("""
                    steps:
                      - noop
                      - flux: while
                        condition: domain.counter < 3
                        do:
                          - increment
                          - flux: if
                            condition: domain.counter == 2
                            then: [gate]
                    """);
            WorkflowRun run = engine.startWorkflow(wf, WorkflowOptions.defaults());
            await().until(() -> run.status() == WorkflowStatus.WAITING_IO && run.currentStep()
                    .map(s -> s.label().equals("gate")).orElse(false));
            RunState state = run.runState();
            assertThat(state.workflow()).isEqualTo("test");
            assertThat(state.frames()).containsExactly(
                    new RunState.Frame(1, 2, List.of()),
                    new RunState.Frame(3, 0, List.of()),
                    new RunState.Frame(4, 0, List.of()));
            assertThat(state.stepsExecuted()).isEqualTo(3);
            assertThat(state.opsUsed()).isEqualTo(6);
            assertThat(roundTrip(state)).isEqualTo(state);
            gate.countDown();
            run.await();
            assertThat(run.runState().frames()).isEmpty();
            assertThat(wf.steps().get(4).label()).isEqualTo("gate");
        }
    }

    @Test
    void runStateOfAParallelBlockHasOneFrameListPerBranch() throws Exception {
        try (TheusEngine engine = Fixtures.engine()) {
            CountDownLatch gate = registerGate(engine);
            WorkflowRun run = engine.startWorkflow(Fixtures.yaml("""
                    steps:
                      - flux: parallel
                        branches:
                          - [gate]
                          - [gate]
                    """), WorkflowOptions.defaults());
            await().until(() -> run.runState().frames().size() == 1
                    && run.runState().frames().get(0).branches().size() == 2
                    && run.runState().frames().get(0).branches().stream()
                    .allMatch(b -> b.size() == 1 && b.get(0).step() > 0));
            assertThat(run.runState().frames().get(0).step()).isZero();
            assertThat(run.runState().frames().get(0).branches()).containsExactly(
                    List.of(new RunState.Frame(1, 0, List.of())), List.of(new RunState.Frame(2, 0, List.of())));
            assertThat(run.currentStep()).map(StepLocation::kind).contains(StepKind.PARALLEL);
            gate.countDown();
            assertThat(run.await().stepsExecuted()).isEqualTo(2);
        }
    }

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    void theTransitionTableDeclaresTheStateMachine() {
        assertThat(WorkflowStatus.PENDING.after(WorkflowEvent.START)).contains(WorkflowStatus.RUNNING);
        assertThat(WorkflowStatus.RUNNING.after(WorkflowEvent.AWAIT)).contains(WorkflowStatus.WAITING_IO);
        assertThat(WorkflowStatus.WAITING_IO.after(WorkflowEvent.RESUME)).contains(WorkflowStatus.RUNNING);
        assertThat(WorkflowStatus.RUNNING.after(WorkflowEvent.FINISH)).contains(WorkflowStatus.COMPLETE);
        assertThat(WorkflowStatus.WAITING_IO.after(WorkflowEvent.FAIL)).contains(WorkflowStatus.FAILED);
        assertThat(WorkflowStatus.PENDING.after(WorkflowEvent.CANCEL)).contains(WorkflowStatus.CANCELLED);
        assertThat(WorkflowStatus.WAITING_IO.after(WorkflowEvent.FINISH)).isEmpty();
        assertThat(WorkflowStatus.PENDING.after(WorkflowEvent.AWAIT)).isEmpty();
        for (WorkflowStatus terminal : List.of(WorkflowStatus.COMPLETE, WorkflowStatus.FAILED,
                WorkflowStatus.CANCELLED)) {
            assertThat(terminal.isTerminal()).isTrue();
            for (WorkflowEvent e : WorkflowEvent.values()) {
                assertThat(terminal.after(e)).isEmpty();
            }
        }
        assertThat(WorkflowStatus.RUNNING.isTerminal()).isFalse();
    }

    @Test
    void optionsAreValidatedWhenSet() {
        assertThatThrownBy(() -> WorkflowOptions.builder().maxOps(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxOps must be >= 1, was 0");
        assertThatThrownBy(() -> WorkflowOptions.builder().historyLimit(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("historyLimit must be >= 2, was 1");
        assertThat(WorkflowOptions.defaults().maxOps()).isEmpty();
        assertThat(WorkflowOptions.defaults().branchExecutor()).isEmpty();
    }
}
