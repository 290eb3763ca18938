package io.theus.examples;

import io.theus.TheusEngine;
import io.theus.examples.agent.AgentExample;
import io.theus.flux.WorkflowResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgentExampleTest {

    @Test
    void agentActsWhenConfidentAsksForHelpOtherwiseAndStopsAtTheGoal() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TheusEngine engine = AgentExample.run(new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(engine.state().getList("domain.agent.actions")).containsExactly("forward", "help", "forward",
                    "help", "forward", "forward", "forward");
            assertThat(engine.state().getInt("domain.agent.position")).isEqualTo(5);
            assertThat(engine.state().getString("domain.report"))
                    .isEqualTo("goal reached after 7 steps at position 5 (2 help requests)");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("step 1: ask_for_help (confidence 0.5)",
                "goal reached after 7 steps at position 5 (2 help requests)", "30 process steps, 37 operations");
    }

    @Test
    void agentGivesUpWhenTheStepBudgetIsSpent() {
        try (TheusEngine engine = AgentExample.newEngine(5, 4, List.of(0.9))) {
            WorkflowResult result = engine.executeWorkflow(AgentExample.workflow());
            assertThat(engine.state().getString("domain.report"))
                    .isEqualTo("gave up after 4 steps at position 0 (4 help requests)");
            assertThat(result.stepsExecuted()).isEqualTo(1 + 4 * 4 + 1);
        }
    }

    @Test
    void agentWorkflowNamesItsSteps() {
        assertThat(AgentExample.workflow().processes()).containsExactlyInAnyOrder("init", "observe", "think", "act",
                "ask_for_help", "update", "report");
        assertThat(AgentExample.workflow().description()).contains("Agent deliberation loop");
    }
}
