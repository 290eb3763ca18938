package io.theus.flux;

import io.theus.TheusEngine;
import io.theus.audit.AuditAbortException;
import io.theus.audit.AuditBlockException;
import io.theus.audit.AuditInterlockException;
import io.theus.audit.AuditStopException;
import io.theus.tx.Invocation;
import io.theus.tx.TransactionInterceptor;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How audit outcomes reach a workflow. The audit itself raises these exceptions from an interceptor; here an
 * interceptor stands in for it.
 */
class WorkflowAuditTest {

    private static TheusEngine engineRejecting(String process, Function<String, RuntimeException> violation) {
        TransactionInterceptor audit = new TransactionInterceptor() {
            @Override
            public void beforeBody(Invocation invocation) {
                if (invocation.process().equals(process)) {
                    throw violation.apply(invocation.process());
                }
            }
        };
        return Fixtures.withProcesses(Fixtures.builder().interceptor(audit).build());
    }

    private static final Workflow LOOP = Workflow.parse("agent.yaml", """
            steps:
              - increment
              - flux: while
                condition: domain.counter < 5
                do: [increment, noop]
              - process: record
                args: {label: done}
            """);

    @Test
    void levelAAbortsTheRun() {
        try (TheusEngine engine = engineRejecting("noop", p -> new AuditAbortException(p, p + ":input:x",
                "x must be < 3"))) {
            WorkflowAbortedException e = catchThrowableOfType(WorkflowAbortedException.class,
                    () -> engine.executeWorkflow(LOOP));
            assertThat(e.getCause()).isInstanceOf(AuditAbortException.class).hasMessage("x must be < 3");
            assertThat(e.getMessage()).isEqualTo("workflow 'agent' was aborted by an audit rule of level A at "
                    + "process 'noop' (agent.yaml:5:21) after 2 step(s): x must be < 3");
            assertThat(e.result().status()).isEqualTo(WorkflowStatus.FAILED);
            assertThat(e.result().history()).last().extracting(WorkflowTransition::detail).asString()
                    .startsWith("aborted by audit at process 'noop'");
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(2);
            assertThat(engine.state().getList("domain.log")).isEmpty();
        }
    }

    @Test
    void levelAAbortsABackgroundRunToo() {
        try (TheusEngine engine = engineRejecting("noop", p -> new AuditAbortException(p, "k", "abort"))) {
            WorkflowRun run = engine.startWorkflow(LOOP, WorkflowOptions.defaults());
            catchThrowableOfType(WorkflowAbortedException.class, run::await);
            assertThat(run.status()).isEqualTo(WorkflowStatus.FAILED);
        }
    }

    @Test
    void levelSAndTheInterlockFailTheRunWithTheirCause() {
        try (TheusEngine engine = engineRejecting("noop", p -> new AuditStopException(p, "k", "stop"))) {
            WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class,
                    () -> engine.executeWorkflow(LOOP));
            assertThat(e).isNotInstanceOf(WorkflowAbortedException.class);
            assertThat(e.getCause()).isInstanceOf(AuditStopException.class);
        }
        try (TheusEngine engine = engineRejecting("increment", p -> new AuditInterlockException(p,
                "the engine is interlocked"))) {
            WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class,
                    () -> engine.executeWorkflow(LOOP));
            assertThat(e.getCause()).isInstanceOf(AuditInterlockException.class);
            assertThat(e.result().stepsExecuted()).isZero();
        }
    }

    @Test
    void levelBRejectionFailsTheRunWithoutAborting() {
        try (TheusEngine engine = engineRejecting("noop", p -> new AuditBlockException(p, "k", "blocked"))) {
            WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class,
                    () -> engine.executeWorkflow(LOOP));
            assertThat(e).isNotInstanceOf(WorkflowAbortedException.class);
            assertThat(e.getCause()).isInstanceOf(AuditBlockException.class);
        }
    }
}
