package io.theus.benchmarks;

import io.theus.TheusEngine;
import io.theus.flux.internal.Conditions;
import io.theus.state.StateSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Cost of evaluating a compiled Flux condition on a committed snapshot, beside the same test hand-written in Java
 * against the public snapshot API.
 */
@ReportRow(id = "8h", title = "Flux condition evaluation vs the same check in Java",
        workload = "the loop guard `domain.counter < global.limit and signal.get('cmd_stop') != 'True'` on a"
                + " committed version, compiled once",
        subject = "fluxLoopGuard", alternative = "javaLoopGuard",
        alternativeName = "the same guard hand-written in Java over the same snapshot")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConditionBenchmark {
    private TheusEngine engine;
    private StateSnapshot snapshot;
    private Predicate<StateSnapshot> simple;
    private Predicate<StateSnapshot> loopGuard;
    private Predicate<StateSnapshot> agentGuard;
    private Predicate<StateSnapshot> javaLoopGuard;

    /** Builds a snapshot and compiles the conditions. */
    @Setup(Level.Trial)
    public void setUp() {
        engine = TheusEngine.builder().initialState(Map.of(
                "global", Map.of("agent", Map.of("max_steps", 10)),
                "domain", Map.of("counter", 3, "items", List.of(1, 2, 3),
                        "agent", Map.of("goal_reached", false, "step_count", 4, "confidence", 0.9)))).build();
        engine.edit(e -> e.set("signal.cmd_go", "True"));
        snapshot = engine.state();
        simple = Conditions.compile("domain.counter < 10");
        loopGuard = Conditions.compile("domain.counter < 10 and signal.get('cmd_stop') != 'True'");
        agentGuard = Conditions.compile("not domain.agent.goal_reached and domain.agent.step_count < "
                + "global.agent.max_steps and domain.agent.confidence > 0.8");
        javaLoopGuard = s -> s.getInt("domain.counter") < 10 && !"True".equals(s.get("signal.cmd_stop"));
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /** @return {@code domain.counter < 10} */
    @Benchmark
    public boolean fluxSimple() {
        return simple.test(snapshot);
    }

    /** @return {@code domain.counter < 10 and signal.get('cmd_stop') != 'True'} */
    @Benchmark
    public boolean fluxLoopGuard() {
        return loopGuard.test(snapshot);
    }

    /** @return the agent loop's three-clause guard */
    @Benchmark
    public boolean fluxAgentGuard() {
        return agentGuard.test(snapshot);
    }

    /** @return the loop guard written in Java against {@code StateSnapshot} */
    @Benchmark
    public boolean javaLoopGuard() {
        return javaLoopGuard.test(snapshot);
    }
}
