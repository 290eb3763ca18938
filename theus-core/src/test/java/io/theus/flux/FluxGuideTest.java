package io.theus.flux;

import io.theus.TheusEngine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Loads and runs every YAML example of {@code docs/guide/flux.md}, and checks the errors the page quotes. */
class FluxGuideTest {
    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- flux-(example|error): ([a-z-]+) -->\\n```yaml\\n(.*?)```(?:\\n\\n```text\\n(.*?)\\n```)?",
            Pattern.DOTALL);

    private static final Map<String, BiConsumer<TheusEngine, WorkflowResult>> EXPECTED = Map.of(
            "first", (engine, r) -> {
                assertThat(engine.state().getInt("domain.counter")).isEqualTo(10);
                assertThat(r.stepsExecuted()).isEqualTo(7);
                assertThat(r.workflow()).isEqualTo("count to ten");
            },
            "branching", (engine, r) -> {
                assertThat(engine.state().getList("domain.log")).containsExactly("starting from zero");
                assertThat(engine.state().getInt("domain.counter")).isEqualTo(2);
            },
            "signals", (engine, r) -> assertThat(engine.state().getInt("domain.counter")).isEqualTo(3),
            "parallel", (engine, r) -> {
                assertThat(engine.state().getInt("domain.a")).isEqualTo(20);
                assertThat(engine.state().getInt("domain.b")).isEqualTo(30);
                assertThat(engine.state().getInt("domain.counter")).isEqualTo(2);
                assertThat(engine.state().getList("domain.log")).containsExactly("joined");
            },
            "conditions", (engine, r) -> assertThat(engine.state().getInt("domain.counter")).isEqualTo(1));

    private static String guide() throws IOException {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs/guide/flux.md"))) {
            p = p.getParent();
        }
        assertThat(p).as("project root with docs/guide/flux.md").isNotNull();
        return Files.readString(p.resolve("docs/guide/flux.md"));
    }

    private static Map<String, String[]> blocks() throws IOException {
        Map<String, String[]> blocks = new LinkedHashMap<>();
        Matcher m = EXAMPLE.matcher(guide());
        while (m.find()) {
            blocks.put(m.group(2), new String[] {m.group(1), m.group(3), m.group(4)});
        }
        return blocks;
    }

    @Test
    void everyExampleOfTheGuideLoadsAndRunsAsDescribed() throws IOException {
        Map<String, String[]> blocks = blocks();
        assertThat(blocks.keySet()).contains("first", "branching", "signals", "parallel", "conditions", "runaway",
                "misspelt", "method-call");
        for (Map.Entry<String, String[]> b : blocks.entrySet()) {
            if (!b.getValue()[0].equals("example")) {
                continue;
            }
            Workflow wf = Workflow.parse("guide.yaml", b.getValue()[1]);
            try (TheusEngine engine = Fixtures.engine()) {
                if (b.getKey().equals("runaway")) {
                    WorkflowLimitException e = catchThrowableOfType(WorkflowLimitException.class,
                            () -> engine.executeWorkflow(wf));
                    assertThat(e.maxOps()).isEqualTo(50);
                    continue;
                }
                WorkflowResult result = engine.executeWorkflow(wf);
                assertThat(EXPECTED).as("expectation for example " + b.getKey()).containsKey(b.getKey());
                EXPECTED.get(b.getKey()).accept(engine, result);
            }
        }
    }

    @Test
    void errorsQuotedByTheGuideAreTheOnesTheLoaderRaises() throws IOException {
        int checked = 0;
        for (Map.Entry<String, String[]> b : blocks().entrySet()) {
            if (b.getValue()[0].equals("error")) {
                WorkflowDefinitionException e = catchThrowableOfType(WorkflowDefinitionException.class,
                        () -> Workflow.parse("guide.yaml", b.getValue()[1]));
                assertThat(e).as(b.getKey()).isNotNull();
                assertThat(e.getMessage()).isEqualTo(b.getValue()[2]);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2);
    }
}
