package io.theus.flux;

import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ParallelWorkflowTest {

    @Test
    void branchesCommittingDisjointPathsAllLand() {
        try (TheusEngine engine = Fixtures.engine()) {
            WorkflowResult result = engine.executeWorkflow(Fixtures.yaml("""
                    steps:
                      - flux: parallel
                        branches:
                          - - flux: while
                              condition: domain.a < 50
                              do: [inc_a]
                          - - flux: while
                              condition: domain.b < 70
                              do: [inc_b]
                      - flux: if
                        condition: domain.a == 50 and domain.b == 70
                        then: [{process: record, args: {label: both}}]
                    """));
            assertThat(engine.state().getInt("domain.a")).isEqualTo(50);
            assertThat(engine.state().getInt("domain.b")).isEqualTo(70);
            assertThat(engine.state().getList("domain.log")).containsExactly("both");
            assertThat(result.stepsExecuted()).isEqualTo(121);
        }
    }

    @Test
    void branchesWritingTheSamePathAreMergedByTheConflictRules() {
        try (TheusEngine engine = Fixtures.engine()) {
            StringBuilder yaml = new StringBuilder("steps:\n  - flux: parallel\n    branches:\n");
            for (int i = 0; i < 4; i++) {
                yaml.append("      - - flux: run\n          steps: [").append("increment, ".repeat(99))
                        .append("increment]\n");
            }
            engine.executeWorkflow(Fixtures.yaml(yaml.toString()), WorkflowOptions.builder().maxOps(1_000).build());
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(400);
        }
    }

    @Test
    void branchesReallyRunConcurrently() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        try (TheusEngine engine = Fixtures.engine()) {
            engine.register(ProcessSpec.builder("meet").body((ctx, args) -> {
                bothInside.countDown();
                return bothInside.await(10, TimeUnit.SECONDS);
            }).errors(InterruptedException.class).build());
            WorkflowRun run = engine.startWorkflow(Fixtures.yaml("""
                    steps:
                      - flux: parallel
                        branches: [[meet], [meet]]
                    """), WorkflowOptions.defaults());
            assertThat(run.await().stepsExecuted()).isEqualTo(2);
            assertThat(bothInside.getCount()).isZero();
        }
    }

    @Test
    void aFailingBranchStopsAnEndlessSiblingAndFailsTheRun() {
        AtomicInteger laps = new AtomicInteger();
        try (TheusEngine engine = Fixtures.engine()) {
            engine.register(ProcessSpec.builder("lap").body((ctx, args) -> laps.incrementAndGet()).build());
            engine.register(ProcessSpec.builder("fail_after_laps").body((ctx, args) -> {
                org.awaitility.Awaitility.await().until(() -> laps.get() >= 3);
                throw new IllegalStateException("branch broke");
            }).errors(IllegalStateException.class).build());
            WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class,
                    () -> engine.executeWorkflow(Fixtures.yaml("""
                            steps:
                              - flux: parallel
                                branches:
                                  - - flux: while
                                      condition: True
                                      do: [lap]
                                  - [fail_after_laps]
                              - increment
                            """), WorkflowOptions.builder().maxOps(Long.MAX_VALUE).build()));
            assertThat(e.getCause()).hasMessage("branch broke");
            assertThat(e.process()).contains("fail_after_laps");
            assertThat(e.result().status()).isEqualTo(WorkflowStatus.FAILED);
            assertThat(engine.state().getInt("domain.counter")).isZero();
        }
    }

    @Test
    void conditionsInsideABranchSeeThatBranchsCommits() {
        try (TheusEngine engine = Fixtures.engine()) {
            engine.executeWorkflow(Fixtures.yaml("""
                    steps:
                      - flux: parallel
                        branches:
                          - - inc_a
                            - flux: if
                              condition: domain.a == 1
                              then: [{process: record, args: {label: a saw itself}}]
                          - - inc_b
                            - flux: if
                              condition: domain.b == 1
                              then: [{process: record, args: {label: b saw itself}}]
                    """));
            assertThat(engine.state().getList("domain.log")).containsExactlyInAnyOrder("a saw itself",
                    "b saw itself");
        }
    }

    @Test
    void branchesRunOnAConfiguredExecutor() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "bounded-branch"));
        try (TheusEngine engine = Fixtures.engine()) {
            engine.register(ProcessSpec.builder("where").body((ctx, args) -> threads.add(Thread.currentThread()
                    .getName())).build());
            engine.executeWorkflow(Fixtures.yaml("steps:\n  - flux: parallel\n    branches: [[where], [where], "
                    + "[where]]\n"), WorkflowOptions.builder().branchExecutor(pool).build());
            assertThat(threads).containsExactly("bounded-branch");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRejectingExecutorFailsTheRun() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.shutdown();
        try (TheusEngine engine = Fixtures.engine()) {
            assertThatThrownBy(() -> engine.executeWorkflow(Fixtures.yaml("steps:\n  - flux: parallel\n"
                    + "    branches: [[increment]]\n"), WorkflowOptions.builder().branchExecutor(pool).build()))
                    .isInstanceOf(WorkflowFailedException.class)
                    .hasCauseInstanceOf(java.util.concurrent.RejectedExecutionException.class);
        }
    }

    @Test
    void nestedParallelBlocksJoinBeforeTheNextStep() {
        try (TheusEngine engine = Fixtures.engine()) {
            engine.executeWorkflow(Fixtures.yaml("""
                    steps:
                      - flux: parallel
                        branches:
                          - - flux: parallel
                              branches: [[inc_a], [inc_b]]
                            - {process: add, args: {amount: 100}}
                          - [increment]
                      - flux: if
                        condition: domain.a + domain.b + domain.counter == 103
                        then: [{process: record, args: {label: joined}}]
                    """));
            assertThat(engine.state().getList("domain.log")).isEqualTo(List.of("joined"));
        }
    }
}
