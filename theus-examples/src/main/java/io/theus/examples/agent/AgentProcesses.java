package io.theus.examples.agent;

import io.theus.contract.ProcessContext;
import io.theus.contract.TheusProcess;

import java.util.List;
import java.util.Map;

/**
 * The processes of the agent deliberation loop. The agent walks a line towards {@code global.agent.goal}; its
 * sensor is noisy (a deterministic noise sequence, so runs are repeatable): it only moves when its confidence is above
 * 0.8 and asks for help otherwise.
 */
public final class AgentProcesses {
    private AgentProcesses() {
    }

    /**
     * Resets the agent's working memory.
     *
     * @param ctx the guarded context
     */
    @TheusProcess(name = "init", outputs = "domain.agent")
    public static void init(ProcessContext ctx) {
        ctx.set("domain.agent", Map.of("position", 0, "step_count", 0, "goal_reached", false, "confidence", 0.0,
                "distance", 0, "help_requests", 0, "actions", List.of()));
    }

    /**
     * Measures the distance to the goal.
     *
     * @param ctx the guarded context
     * @return the distance
     */
    @TheusProcess(name = "observe", inputs = {"domain.agent.position", "global.agent.goal"},
            outputs = "domain.agent.distance")
    public static int observe(ProcessContext ctx) {
        return ctx.getInt("global.agent.goal") - ctx.getInt("domain.agent.position");
    }

    /**
     * Estimates how much the observation can be trusted: one minus the sensor noise of this step.
     *
     * @param ctx the guarded context
     * @return the confidence
     */
    @TheusProcess(name = "think", inputs = {"domain.agent.step_count", "global.agent.noise"},
            outputs = "domain.agent.confidence")
    public static double think(ProcessContext ctx) {
        List<Object> noise = ctx.getList("global.agent.noise");
        int step = ctx.getInt("domain.agent.step_count");
        return 1.0 - ((Number) noise.get(step % noise.size())).doubleValue();
    }

    /**
     * Moves one step towards the goal.
     *
     * @param ctx the guarded context
     */
    @TheusProcess(name = "act", inputs = "domain.agent.distance",
            outputs = {"domain.agent.position", "domain.agent.actions"})
    public static void act(ProcessContext ctx) {
        int direction = Integer.signum(ctx.getInt("domain.agent.distance"));
        ctx.update("domain.agent.position", Integer.class, p -> p + direction);
        ctx.append("domain.agent.actions", direction > 0 ? "forward" : "back");
    }

    /**
     * Asks for help instead of acting on an untrustworthy observation.
     *
     * @param ctx the guarded context
     */
    @TheusProcess(name = "ask_for_help", outputs = {"domain.agent.help_requests", "domain.agent.actions"})
    public static void askForHelp(ProcessContext ctx) {
        ctx.update("domain.agent.help_requests", Integer.class, n -> n + 1);
        ctx.append("domain.agent.actions", "help");
    }

    /**
     * Counts the step and checks the goal.
     *
     * @param ctx the guarded context
     */
    @TheusProcess(name = "update", inputs = {"domain.agent.position", "global.agent.goal"},
            outputs = {"domain.agent.step_count", "domain.agent.goal_reached"})
    public static void update(ProcessContext ctx) {
        ctx.update("domain.agent.step_count", Integer.class, n -> n + 1);
        ctx.set("domain.agent.goal_reached", ctx.getInt("domain.agent.position") == ctx.getInt("global.agent.goal"));
    }

    /**
     * Summarises the run.
     *
     * @param ctx the guarded context
     * @return the summary
     */
    @TheusProcess(name = "report", inputs = "domain.agent", outputs = "domain.report")
    public static String report(ProcessContext ctx) {
        boolean reached = ctx.getBoolean("domain.agent.goal_reached");
        return (reached ? "goal reached" : "gave up") + " after " + ctx.getInt("domain.agent.step_count")
                + " steps at position " + ctx.getInt("domain.agent.position") + " ("
                + ctx.getInt("domain.agent.help_requests") + " help requests)";
    }
}
