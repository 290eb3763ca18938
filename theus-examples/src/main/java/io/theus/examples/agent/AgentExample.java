package io.theus.examples.agent;

import io.theus.TheusEngine;
import io.theus.flux.StepEvent;
import io.theus.flux.Workflow;
import io.theus.flux.WorkflowObserver;
import io.theus.flux.WorkflowOptions;
import io.theus.flux.WorkflowResult;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The agent deliberation loop (SPEC K3) as a Flux workflow: {@code agent.yaml} next to this class drives the
 * processes of {@link AgentProcesses}. The workflow is the macro control (visible, auditable steps); each process is a
 * small piece of plain Java.
 */
public final class AgentExample {
    /** The sensor noise per step used by the demo: two steps are too noisy to act on. */
    public static final List<Double> DEMO_NOISE = List.of(0.1, 0.5, 0.05, 0.3, 0.1, 0.1, 0.0);

    private AgentExample() {
    }

    /** {@return the workflow, loaded from the class path} */
    public static Workflow workflow() {
        return Workflow.fromResource(AgentExample.class, "agent.yaml");
    }

    /**
     * Builds an engine for the agent.
     *
     * @param goal the position to reach
     * @param maxSteps the step budget
     * @param noise the sensor noise per step (cycled)
     * @return the engine with the processes registered (close it)
     */
    public static TheusEngine newEngine(int goal, int maxSteps, List<Double> noise) {
        TheusEngine engine = TheusEngine.builder()
                .initialState(Map.of("global", Map.of("agent", Map.of("goal", goal, "max_steps", maxSteps,
                        "noise", noise))))
                .build();
        engine.register(AgentProcesses.class);
        return engine;
    }

    /**
     * Runs the demo.
     *
     * @param out where to print
     * @return the engine after the run (close it)
     */
    public static TheusEngine run(PrintStream out) {
        TheusEngine engine = newEngine(5, 10, DEMO_NOISE);
        WorkflowObserver printer = new WorkflowObserver() {
            @Override
            public void onStep(StepEvent e) {
                if (e.step().label().equals("act") || e.step().label().equals("ask_for_help")) {
                    out.println("step " + e.committed().getInt("domain.agent.step_count") + ": "
                            + e.step().label() + " (confidence "
                            + e.committed().getDouble("domain.agent.confidence") + ")");
                }
            }
        };
        WorkflowResult result = engine.executeWorkflow(workflow(), WorkflowOptions.builder().observer(printer)
                .build());
        out.println(engine.state().getString("domain.report"));
        out.println(result.stepsExecuted() + " process steps, " + result.opsUsed() + " operations, version "
                + result.finalVersion());
        return engine;
    }
}
