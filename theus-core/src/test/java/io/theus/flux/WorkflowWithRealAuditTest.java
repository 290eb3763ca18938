package io.theus.flux;

import io.theus.TheusEngine;
import io.theus.audit.AuditAbortException;
import io.theus.audit.AuditInterlockException;
import io.theus.audit.AuditRecipe;
import io.theus.audit.AuditStopException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The audit recipes of issue 3 and the workflow runtime of issue 5, together. */
class WorkflowWithRealAuditTest {

    private static final AuditRecipe RECIPE = AuditRecipe.parse("""
            process_recipes:
              increment:
                outputs:
                  - field: domain.counter
                    max: 2
                    level: A
                    message: counter must stay small
              add:
                inputs:
                  - field: amount
                    max: 10
                    level: S
                    message: amount is absurd
            """, "recipe.yaml");

    private static final Workflow COUNT_TO_FIVE = Workflow.parse("count.yaml", """
            steps:
              - flux: while
                condition: domain.counter < 5
                do: [increment]
              - process: record
                args: {label: done}
            """);

    private static TheusEngine engine() {
        return Fixtures.withProcesses(Fixtures.builder().audit(RECIPE).build());
    }

    @Test
    void levelAOutputRuleAbortsTheWorkflowAndLeavesTheFailingStepUncommitted() {
        try (TheusEngine engine = engine()) {
            WorkflowAbortedException e = catchThrowableOfType(WorkflowAbortedException.class,
                    () -> engine.executeWorkflow(COUNT_TO_FIVE));
            assertThat(e.getCause()).isInstanceOf(AuditAbortException.class);
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(2);
            assertThat(engine.state().getList("domain.log")).isEmpty();
            assertThat(engine.audit().interlocked()).isFalse();
        }
    }

    @Test
    void levelSTripsTheInterlockSoTheNextWorkflowIsRefusedUntilReset() {
        Workflow bigAdd = Workflow.parse("add.yaml", """
                steps:
                  - process: add
                    args: {amount: 50}
                """);
        Workflow one = Workflow.parse("one.yaml", "steps: [noop]\n");
        try (TheusEngine engine = engine()) {
            WorkflowFailedException stop = catchThrowableOfType(WorkflowFailedException.class,
                    () -> engine.executeWorkflow(bigAdd));
            assertThat(stop.getCause()).isInstanceOf(AuditStopException.class);
            assertThat(engine.audit().interlocked()).isTrue();
            WorkflowFailedException refused = catchThrowableOfType(WorkflowFailedException.class,
                    () -> engine.executeWorkflow(one));
            assertThat(refused.getCause()).isInstanceOf(AuditInterlockException.class);
            engine.audit().resetInterlock("operator checked the input");
            assertThat(engine.executeWorkflow(one).status()).isEqualTo(WorkflowStatus.COMPLETE);
            assertThat(engine.state().getInt("domain.counter")).isZero();
        }
    }
}
