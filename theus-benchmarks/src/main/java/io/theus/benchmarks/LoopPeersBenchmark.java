package io.theus.benchmarks;

import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import io.theus.flux.Workflow;
import io.theus.flux.WorkflowOptions;
import org.bsc.langgraph4j.CompileConfig;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.StateGraph;
import org.bsc.langgraph4j.state.AgentState;
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
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.config.StateMachineBuilder;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.bsc.langgraph4j.StateGraph.END;
import static org.bsc.langgraph4j.StateGraph.START;
import static org.bsc.langgraph4j.action.AsyncEdgeAction.edge_async;
import static org.bsc.langgraph4j.action.AsyncNodeAction.node_async;

/**
 * The same loop on Flux and on the closest Java peers, embedded, in one run: {@value #STEPS} steps, each
 * {@code counter += 1}, looping while {@code counter < STEPS}. Scores are per step.
 *
 * <ul>
 *   <li>Theus Flux: a {@code flux: while} over a process; each step is a guarded transaction committing a new
 *       version of the state tree, and the condition reads that version.</li>
 *   <li>LangGraph4j: a graph with one node returning {@code counter + 1} and a conditional edge back to itself or to
 *       {@code END}; no checkpoint saver.</li>
 *   <li>Spring StateMachine: one state with an internal transition on event {@code INC}, guarded by
 *       {@code counter < STEPS}, whose action increments the counter in the extended state; driven by sending
 *       events until the guard refuses.</li>
 * </ul>
 */
@ReportRow(id = "8f", title = "Loop of 1 000 `counter += 1` steps: Flux vs LangGraph4j",
        workload = "loop while `counter < 1000`, each step `counter += 1`, embedded, time per step",
        subject = "theusFlux", alternative = "langGraph4j",
        alternativeName = "LangGraph4j core: a node incrementing the counter, a conditional edge looping back",
        targets = "ratio <= 1")
@ReportRow(id = "8g", title = "Loop of 1 000 `counter += 1` steps: Flux vs Spring StateMachine",
        workload = "as 8f", subject = "theusFlux", alternative = "springStateMachine",
        alternativeName = "Spring StateMachine: a guarded self-transition whose action increments the counter",
        targets = "ratio <= 1")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LoopPeersBenchmark {
    /** Loop iterations per invocation. */
    public static final int STEPS = 1_000;

    private TheusEngine engine;
    private Workflow loop;
    private WorkflowOptions options;
    private CompiledGraph<AgentState> graph;
    private StateMachine<String, String> machine;

    /**
     * Builds the three loops.
     *
     * @throws GraphStateException if LangGraph4j refuses the graph
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        engine = TheusEngine.builder().initialState(Map.of("domain", Map.of("counter", 0))).build();
        engine.register(ProcessSpec.builder("increment").outputs("domain.counter")
                .body((ctx, args) -> ctx.getInt("domain.counter") + 1).build());
        engine.register(ProcessSpec.builder("reset").outputs("domain.counter").body((ctx, args) -> 0).build());
        loop = Workflow.parse("loop.yaml", "steps:\n  - reset\n  - flux: while\n    condition: domain.counter < "
                + STEPS + "\n    do: [increment]\n");
        options = WorkflowOptions.builder().maxOps(10L * STEPS).build();

        graph = new StateGraph<>(AgentState::new)
                .addNode("increment", node_async(s -> Map.of("counter", s.<Integer>value("counter").orElse(0) + 1)))
                .addEdge(START, "increment")
                .addConditionalEdges("increment",
                        edge_async(s -> s.<Integer>value("counter").orElse(0) < STEPS ? "again" : "done"),
                        Map.of("again", "increment", "done", END))
                .compile(CompileConfig.builder().recursionLimit(STEPS + 10).build());

        StateMachineBuilder.Builder<String, String> b = StateMachineBuilder.builder();
        b.configureConfiguration().withConfiguration().autoStartup(false);
        b.configureStates().withStates().initial("COUNTING");
        b.configureTransitions().withInternal().source("COUNTING").event("INC")
                .guard(ctx -> ctx.getExtendedState().get("counter", Integer.class) < STEPS)
                .action(ctx -> ctx.getExtendedState().getVariables().put("counter",
                        ctx.getExtendedState().get("counter", Integer.class) + 1));
        machine = b.build();
        machine.startReactively().block();
    }

    /** Closes the engine and stops the state machine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
        machine.stopReactively().block();
    }

    /**
     * Theus Flux.
     *
     * @return the result
     */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Object theusFlux() {
        return engine.executeWorkflow(loop, options);
    }

    /**
     * LangGraph4j.
     *
     * @return the final state
     */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Object langGraph4j() {
        return graph.invoke(Map.of("counter", 0)).orElseThrow();
    }

    /**
     * Spring StateMachine.
     *
     * @return the final counter
     */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int springStateMachine() {
        Map<Object, Object> vars = machine.getExtendedState().getVariables();
        vars.put("counter", 0);
        while ((Integer) vars.get("counter") < STEPS) {
            machine.sendEvent(Mono.just(MessageBuilder.withPayload("INC").build())).blockLast();
        }
        return (Integer) vars.get("counter");
    }
}
