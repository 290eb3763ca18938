package io.theus.flux;

import io.theus.EngineClosedException;
import io.theus.NestedEngineCallException;
import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WorkflowRuntimeTest {

    @Test
    void ifRunsThenWhenTheConditionHoldsAndElseOtherwise() {
        try (TheusEngine engine = Fixtures.engine()) {
            Workflow wf = Fixtures.yaml("""
                    steps:
                      - flux: if
                        condition: domain.counter == 0
                        then:
                          - process: record
                            args: {label: zero}
                        else:
                          - process: record
                            args: {label: not zero}
                      - increment
                      - flux: if
                        condition: domain.counter == 0
                        then: [{process: record, args: {label: still zero}}]
                        else: [{process: record, args: {label: one}}]
                      - flux: if
                        condition: domain.counter > 5
                        then: [increment]
                    """);
            WorkflowResult result = engine.executeWorkflow(wf);
            assertThat(engine.state().getList("domain.log")).containsExactly("zero", "one");
            assertThat(result.status()).isEqualTo(WorkflowStatus.COMPLETE);
            assertThat(result.stepsExecuted()).isEqualTo(3);
            assertThat(result.finalVersion()).isEqualTo(engine.state().version()).isEqualTo(4);
        }
    }

    @Test
    void whileCountsToN() {
        try (TheusEngine engine = Fixtures.engine()) {
            WorkflowResult result = engine.executeWorkflow(Fixtures.yaml("""
                    steps:
                      - flux: while
                        condition: domain.counter < 500
                        do: [increment]
                    """));
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(500);
            assertThat(result.stepsExecuted()).isEqualTo(500);
            assertThat(result.opsUsed()).isEqualTo(1000);
        }
    }

    @Test
    void blocksNestFiveDeep() {
        try (TheusEngine engine = Fixtures.engine()) {
            engine.executeWorkflow(Fixtures.yaml("""
                    steps:
                      - flux: while
                        condition: domain.a < 3
                        do:
                          - inc_a
                          - flux: if
                            condition: domain.a != 2
                            then:
                              - flux: run
                                steps:
                                  - flux: while
                                    condition: domain.b < domain.a * 2
                                    do:
                                      - flux: if
                                        condition: domain.b % 2 == 0
                                        then: [inc_b, {process: add, args: {amount: 10}}]
                                        else: [inc_b]
                    """));
            assertThat(engine.state().getInt("domain.a")).isEqualTo(3);
            assertThat(engine.state().getInt("domain.b")).isEqualTo(6);
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(30);
        }
    }

    @Test
    void conditionReadsTheVersionThePreviousStepCommittedNotLaterCommits() {
        try (TheusEngine engine = Fixtures.engine()) {
            WorkflowObserver meddler = new WorkflowObserver() {
                @Override
                public void onStep(StepEvent event) {
                    if (event.step().label().equals("increment")) {
                        engine.edit(e -> e.set("domain.counter", 100));
                    }
                }
            };
            engine.executeWorkflow(Fixtures.yaml("""
                    steps:
                      - increment
                      - flux: if
                        condition: domain.counter == 1
                        then: [{process: record, args: {label: saw the step's commit}}]
                        else: [{process: record, args: {label: saw a later commit}}]
                    """), WorkflowOptions.builder().observer(meddler).build());
            assertThat(engine.state().getList("domain.log")).containsExactly("saw the step's commit");
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(100);
        }
    }

    @Test
    void signalsLatchedByAStepDriveALoop() {
        try (TheusEngine engine = Fixtures.engine()) {
            WorkflowResult result = engine.executeWorkflow(Fixtures.yaml("""
                    steps:
                      - flux: while
                        condition: signal.get('cmd_stop') != 'True'
                        do: [tick]
                      - process: record
                        args: {label: stopped}
                    """));
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(3);
            assertThat(engine.state().getList("domain.log")).containsExactly("stopped");
            assertThat(engine.state().get("signal.cmd_stop")).as("cleared by the next commit").isNull();
            assertThat(result.stepsExecuted()).isEqualTo(4);
        }
    }

    @Test
    void maxOpsStopsARunawayLoopWithAClearError() {
        try (TheusEngine engine = Fixtures.engine()) {
            Workflow wf = Fixtures.yaml("""
                    steps:
                      - flux: while
                        condition: True
                        do: [increment]
                    """);
            WorkflowLimitException e = catchThrowableOfType(WorkflowLimitException.class,
                    () -> engine.executeWorkflow(wf, WorkflowOptions.builder().maxOps(10).build()));
            assertThat(e.maxOps()).isEqualTo(10);
            assertThat(e.getMessage()).isEqualTo("workflow 'test' reached max_ops = 10 (process steps plus loop "
                    + "iterations) at while 'True' (test.yaml:2:5); raise max_ops if the work is legitimate, or "
                    + "check the loop's condition");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.result().status()).isEqualTo(WorkflowStatus.FAILED);
            assertThat(e.result().stepsExecuted()).isEqualTo(5);
            assertThat(e.result().opsUsed()).isEqualTo(10);
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(5);
        }
    }

    @Test
    void maxOpsAlsoStopsALoopWhoseBodyRunsNoStep() {
        try (TheusEngine engine = Fixtures.engine()) {
            Workflow wf = Fixtures.yaml("""
                    steps:
                      - flux: while
                        condition: domain.counter == 0
                        do:
                          - flux: if
                            condition: domain.counter > 0
                            then: [increment]
                    """);
            WorkflowLimitException e = catchThrowableOfType(WorkflowLimitException.class,
                    () -> engine.executeWorkflow(wf));
            assertThat(e.maxOps()).isEqualTo(WorkflowOptions.DEFAULT_MAX_OPS);
            assertThat(e.result().stepsExecuted()).isZero();
            assertThat(e.result().opsUsed()).isEqualTo(10_000);
        }
    }

    @Test
    void maxOpsComesFromTheDocumentUnlessTheOptionsSetIt() {
        try (TheusEngine engine = Fixtures.engine()) {
            Workflow wf = Fixtures.yaml("max_ops: 7\nsteps:\n  - flux: while\n    condition: True\n"
                    + "    do: [noop]\n");
            assertThat(catchThrowableOfType(WorkflowLimitException.class, () -> engine.executeWorkflow(wf))
                    .maxOps()).isEqualTo(7);
            assertThat(catchThrowableOfType(WorkflowLimitException.class, () -> engine.executeWorkflow(wf,
                    WorkflowOptions.builder().maxOps(3).build())).maxOps()).isEqualTo(3);
        }
    }

    @Test
    void unknownProcessIsReportedWithItsPositionBeforeAnythingRuns() {
        try (TheusEngine engine = Fixtures.engine()) {
            long before = engine.state().version();
            WorkflowDefinitionException e = catchThrowableOfType(WorkflowDefinitionException.class,
                    () -> engine.executeWorkflow(Fixtures.yaml("steps:\n  - increment\n  - flux: run\n"
                            + "    steps: [incremnt]\n")));
            assertThat(e.getMessage()).isEqualTo("test.yaml:4:13: no process named 'incremnt' is registered; did "
                    + "you mean [increment]?; expected the name of a process registered on the engine");
            assertThat(engine.state().version()).isEqualTo(before);
        }
    }

    @Test
    void argumentsAreCheckedAgainstTheProcessBeforeAnythingRuns() {
        try (TheusEngine engine = Fixtures.engine()) {
            WorkflowDefinitionException missing = catchThrowableOfType(WorkflowDefinitionException.class,
                    () -> engine.executeWorkflow(Fixtures.yaml("steps:\n  - increment\n  - process: add\n")));
            assertThat(missing.getMessage()).contains("arguments of process 'add'").contains("amount");
            assertThat(missing.line()).isEqualTo(3);
            WorkflowDefinitionException unknown = catchThrowableOfType(WorkflowDefinitionException.class,
                    () -> engine.executeWorkflow(Fixtures.yaml("steps:\n  - process: add\n"
                            + "    args: {amount: 1, amuont: 2}\n")));
            assertThat(unknown.getMessage()).contains("amuont");
            assertThat(unknown.line()).isEqualTo(3);
            assertThat(unknown.column()).isEqualTo(11);
            assertThat(engine.state().getInt("domain.counter")).isZero();
        }
    }

    @Test
    void unknownNameInAConditionIsReportedAtItsColumn() {
        try (TheusEngine engine = Fixtures.engine()) {
            WorkflowDefinitionException e = catchThrowableOfType(WorkflowDefinitionException.class,
                    () -> engine.executeWorkflow(Fixtures.yaml("steps:\n  - flux: if\n"
                            + "    condition: domain.counter > 0 and heavy.x\n    then: [noop]\n")));
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(39);
            assertThat(e.getMessage()).contains("unknown name 'heavy'").contains("one of cmd, domain, global, signal");
        }
    }

    @Test
    void namespacesAreReadableRoots() {
        try (TheusEngine engine = Fixtures.withProcesses(Fixtures.builder().namespaces("portfolio").build())) {
            engine.edit(e -> e.set("portfolio.cash", 10));
            engine.executeWorkflow(Fixtures.yaml("steps:\n  - flux: while\n    condition: portfolio.cash > "
                    + "domain.counter\n    do: [increment]\n"));
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(10);
        }
    }

    @Test
    void failingStepFailsTheRunAndKeepsEarlierCommits() {
        try (TheusEngine engine = Fixtures.engine()) {
            WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class,
                    () -> engine.executeWorkflow(Fixtures.yaml("steps:\n  - increment\n  - explode\n"
                            + "  - increment\n")));
            assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
            assertThat(e.process()).contains("explode");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).isEqualTo("workflow 'test' failed at process 'explode' (test.yaml:3:5) "
                    + "after 1 step(s): boom");
            assertThat(e.result().status()).isEqualTo(WorkflowStatus.FAILED);
            assertThat(e.result().stepsExecuted()).isEqualTo(1);
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(1);
            assertThat(e.result().finalVersion()).isEqualTo(engine.state().version());
        }
    }

    @Test
    void conditionTypeErrorFailsTheRunNamingTheExpressionAndValues() {
        try (TheusEngine engine = Fixtures.engine()) {
            ConditionEvaluationException e = catchThrowableOfType(ConditionEvaluationException.class,
                    () -> engine.executeWorkflow(Fixtures.yaml("steps:\n  - increment\n  - flux: while\n"
                            + "    condition: domain.name < domain.counter\n    do: [increment]\n")));
            assertThat(e.expression()).isEqualTo("domain.name < domain.counter");
            assertThat(e.getMessage()).isEqualTo("workflow 'test': condition `domain.name < domain.counter`: "
                    + "cannot compare str 'theus' with int 1 using '<' (test.yaml:4:16)");
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isEqualTo(16);
            assertThat(e.result().stepsExecuted()).isEqualTo(1);
        }
    }

    @Test
    void aProcessCannotRunAWorkflow() {
        try (TheusEngine engine = Fixtures.engine()) {
            Workflow inner = Fixtures.yaml("steps: [increment]");
            engine.register(ProcessSpec.builder("sneaky").body((ctx, args) -> engine.executeWorkflow(inner))
                    .build());
            WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class,
                    () -> engine.executeWorkflow(Fixtures.yaml("steps: [sneaky]")));
            assertThat(e.getCause()).isInstanceOf(NestedEngineCallException.class)
                    .hasMessageContaining("called executeWorkflow('test')");
            assertThat(engine.state().getInt("domain.counter")).isZero();
        }
    }

    @Test
    void aProcessCannotStartABackgroundWorkflowEither() {
        try (TheusEngine engine = Fixtures.engine()) {
            Workflow inner = Fixtures.yaml("steps: [increment]");
            engine.register(ProcessSpec.builder("sneaky").body((ctx, args) -> engine.startWorkflow(inner,
                    WorkflowOptions.defaults())).build());
            assertThatThrownBy(() -> engine.execute("sneaky")).isInstanceOf(NestedEngineCallException.class)
                    .hasMessageContaining("called startWorkflow('test')");
        }
    }

    @Test
    void aWorkflowIsCheckedAgainstEveryEngineItRunsOn() {
        Workflow wf = Fixtures.yaml("steps: [increment, custom]");
        try (TheusEngine withCustom = Fixtures.engine(); TheusEngine without = Fixtures.engine()) {
            withCustom.register(ProcessSpec.builder("custom").body((ctx, args) -> null).build());
            withCustom.executeWorkflow(wf);
            assertThatThrownBy(() -> without.executeWorkflow(wf)).isInstanceOf(WorkflowDefinitionException.class)
                    .hasMessageContaining("no process named 'custom'");
            withCustom.executeWorkflow(wf);
            assertThat(withCustom.state().getInt("domain.counter")).isEqualTo(2);
            assertThat(without.state().getInt("domain.counter")).isZero();
        }
    }

    @Test
    void historyRecordsEveryStateChangeOfTheRun() {
        try (TheusEngine engine = Fixtures.engine()) {
            WorkflowResult result = engine.executeWorkflow(Fixtures.yaml("steps: [increment, noop]"));
            assertThat(result.history()).extracting(WorkflowTransition::event).containsExactly(WorkflowEvent.START,
                    WorkflowEvent.AWAIT, WorkflowEvent.RESUME, WorkflowEvent.AWAIT, WorkflowEvent.RESUME,
                    WorkflowEvent.FINISH);
            assertThat(result.history()).extracting(WorkflowTransition::to).containsExactly(WorkflowStatus.RUNNING,
                    WorkflowStatus.WAITING_IO, WorkflowStatus.RUNNING, WorkflowStatus.WAITING_IO,
                    WorkflowStatus.RUNNING, WorkflowStatus.COMPLETE);
            assertThat(result.history().get(1).detail()).isEqualTo("process 'increment' (test.yaml:1:9)");
        }
    }

    @Test
    void historyKeepsTheMostRecentEntriesUpToItsLimit() {
        try (TheusEngine engine = Fixtures.engine()) {
            WorkflowResult result = engine.executeWorkflow(Fixtures.yaml("steps: [increment, noop, increment]"),
                    WorkflowOptions.builder().historyLimit(3).build());
            assertThat(result.history()).extracting(WorkflowTransition::event)
                    .containsExactly(WorkflowEvent.AWAIT, WorkflowEvent.RESUME, WorkflowEvent.FINISH);
        }
    }

    @Test
    void workflowFilesRunDirectly() throws Exception {
        Path file = Files.createTempFile("count", ".yaml");
        try (TheusEngine engine = Fixtures.engine()) {
            Files.writeString(file, "steps:\n  - flux: while\n    condition: domain.counter < 4\n"
                    + "    do: [increment]\n");
            assertThat(engine.executeWorkflow(file).workflow()).isEqualTo(file.getFileName().toString()
                    .replace(".yaml", ""));
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(4);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aClosedEngineRefusesWorkflows() {
        TheusEngine engine = Fixtures.engine();
        engine.close();
        assertThatThrownBy(() -> engine.executeWorkflow(Fixtures.yaml("steps: [noop]")))
                .isInstanceOf(EngineClosedException.class);
    }

    @Test
    void oneWorkflowRunsOnSeveralEnginesAndConcurrently() throws Exception {
        Workflow wf = Fixtures.yaml("steps:\n  - flux: while\n    condition: domain.counter < 200\n"
                + "    do: [increment]\n");
        List<TheusEngine> engines = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                TheusEngine e = Fixtures.engine();
                engines.add(e);
                threads.add(Thread.ofVirtual().start(() -> e.executeWorkflow(wf)));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(engines).allSatisfy(e -> assertThat(e.state().getInt("domain.counter")).isEqualTo(200));
        } finally {
            engines.forEach(TheusEngine::close);
        }
    }

    @Test
    void workflowsFromElsewhereAreRefused() {
        try (TheusEngine engine = Fixtures.engine()) {
            Workflow fake = new Workflow() {
                @Override
                public String name() {
                    return "fake";
                }

                @Override
                public java.util.Optional<String> description() {
                    return java.util.Optional.empty();
                }

                @Override
                public String source() {
                    return "nowhere";
                }

                @Override
                public java.util.Set<String> processes() {
                    return java.util.Set.of();
                }

                @Override
                public List<StepLocation> steps() {
                    return List.of();
                }
            };
            assertThatThrownBy(() -> engine.executeWorkflow(fake)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("workflow must come from Workflow.load");
        }
    }
}
