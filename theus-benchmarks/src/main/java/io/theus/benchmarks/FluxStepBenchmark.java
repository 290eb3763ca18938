package io.theus.benchmarks;

import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import io.theus.flux.Workflow;
import io.theus.flux.WorkflowOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Row "Flux scheduling overhead per step": a workflow of {@value #STEPS} trivial process steps against the same
 * processes called from a plain Java loop through {@code engine.execute}. Both sides run the same executions (one
 * reset, then increments); the difference per step is what the workflow adds: interpreting the tree, evaluating the
 * loop condition on the committed version, counting operations, the run's state machine and history.
 *
 * <p>Scores are per step ({@code OperationsPerInvocation}). Overhead per step = {@code flux*} − {@code java*}.
 */
@ReportRow(id = "8d", title = "Flux scheduling per step: `while` loop vs the same executes from a Java loop",
        workload = "`reset`, then `while domain.counter < 1000: increment`; time per step including the execute",
        subject = "fluxWhile", alternative = "javaWhile",
        alternativeName = "the same `engine.execute` calls from a plain Java `while` loop",
        targets = "time <= 5000", reference = "~0.5 ms scheduling overhead per step")
@ReportRow(id = "8e", title = "Flux scheduling per step: straight sequence vs a Java loop",
        workload = "1 000 process steps in sequence; time per step including the execute",
        subject = "fluxSequence", alternative = "javaSequence",
        alternativeName = "the same `engine.execute` calls from a plain Java loop", targets = "time <= 5000")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FluxStepBenchmark {
    /** Process steps per invocation. */
    public static final int STEPS = 1_000;

    private TheusEngine engine;
    private Workflow loop;
    private Workflow sequence;
    private WorkflowOptions options;

    /** Builds the engine and the workflows. */
    @Setup(Level.Trial)
    public void setUp() {
        engine = TheusEngine.builder().initialState(Map.of("domain", Map.of("counter", 0))).build();
        engine.register(ProcessSpec.builder("increment").outputs("domain.counter")
                .body((ctx, args) -> ctx.getInt("domain.counter") + 1).build());
        engine.register(ProcessSpec.builder("reset").outputs("domain.counter").body((ctx, args) -> 0).build());
        loop = Workflow.parse("loop.yaml", "steps:\n  - reset\n  - flux: while\n    condition: domain.counter < "
                + STEPS + "\n    do: [increment]\n");
        sequence = Workflow.parse("sequence.yaml", "steps:\n  - reset\n" + "  - increment\n".repeat(STEPS - 1));
        options = WorkflowOptions.builder().maxOps(10L * STEPS).build();
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /**
     * {@code reset}, then {@code while domain.counter < STEPS: increment} as a Flux workflow.
     *
     * @return the result
     */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Object fluxWhile() {
        return engine.executeWorkflow(loop, options);
    }

    /**
     * The same executions from a Java loop that reads the committed state for its condition.
     *
     * @return the final counter
     */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int javaWhile() {
        engine.execute("reset");
        int counter;
        while ((counter = engine.state().getInt("domain.counter")) < STEPS) {
            engine.execute("increment");
        }
        return counter;
    }

    /**
     * {@code reset} and {@code STEPS - 1} increments as a straight Flux sequence (no conditions).
     *
     * @return the result
     */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Object fluxSequence() {
        return engine.executeWorkflow(sequence, options);
    }

    /**
     * The same executions from a plain Java loop.
     *
     * @return the last result
     */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Object javaSequence() {
        Object last = engine.execute("reset");
        for (int i = 1; i < STEPS; i++) {
            last = engine.execute("increment");
        }
        return last;
    }
}
