package io.theus.flux;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WorkflowLoaderTest {

    private static WorkflowDefinitionException loadError(String yaml) {
        return catchThrowableOfType(WorkflowDefinitionException.class, () -> Fixtures.yaml(yaml));
    }

    @Test
    void everyConstructLoadsWithItsStepsInReadingOrder() {
        Workflow wf = Fixtures.yaml("""
                name: all
                description: every construct
                max_ops: 500
                steps:
                  - increment
                  - process: add
                    args: {amount: 2}
                    name: add two
                  - flux: if
                    condition: domain.counter > 1
                    then: [increment]
                    else:
                      - noop
                  - flux: while
                    condition: domain.counter < 10
                    do:
                      - increment
                  - flux: run
                    name: group
                    steps: [noop]
                  - flux: parallel
                    branches:
                      - [inc_a]
                      - [inc_b, noop]
                """);
        assertThat(wf.name()).isEqualTo("all");
        assertThat(wf.description()).contains("every construct");
        assertThat(wf.processes()).containsExactlyInAnyOrder("increment", "add", "noop", "inc_a", "inc_b");
        assertThat(wf.steps()).extracting(StepLocation::kind).containsExactly(StepKind.PROCESS, StepKind.PROCESS,
                StepKind.IF, StepKind.PROCESS, StepKind.PROCESS, StepKind.WHILE, StepKind.PROCESS, StepKind.RUN,
                StepKind.PROCESS, StepKind.PARALLEL, StepKind.PROCESS, StepKind.PROCESS, StepKind.PROCESS);
        assertThat(wf.steps()).extracting(StepLocation::id).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(wf.steps().get(0)).extracting(StepLocation::line, StepLocation::column).containsExactly(5, 5);
        assertThat(wf.steps().get(2).label()).isEqualTo("domain.counter > 1");
        assertThat(wf.steps().get(7).label()).isEqualTo("group");
    }

    @Test
    void nameDefaultsToTheFileNameWithoutExtension() {
        Workflow wf = Workflow.parse("flows/nightly.yaml", "steps: [noop]");
        assertThat(wf.name()).isEqualTo("nightly");
        assertThat(wf.source()).isEqualTo("flows/nightly.yaml");
    }

    @Test
    void unknownKeyIsReportedAtItsPositionWithASuggestion() {
        WorkflowDefinitionException e = loadError("""
                steps:
                  - flux: while
                    conditon: domain.counter < 3
                    do: [increment]
                """);
        assertThat(e.source()).isEqualTo("test.yaml");
        assertThat(e).extracting(WorkflowDefinitionException::line, WorkflowDefinitionException::column)
                .containsExactly(3, 5);
        assertThat(e.getMessage()).startsWith("test.yaml:3:5: unknown key 'conditon' in a flux: while step; "
                + "did you mean 'condition'?");
        assertThat(e.expected()).isEqualTo("one of condition, description, do, flux, name");
    }

    @Test
    void missingRequiredKeyIsReportedAtTheStep() {
        WorkflowDefinitionException e = loadError("""
                steps:
                  - increment
                  - flux: if
                    then: [increment]
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.getMessage()).contains("a flux: if step has no 'condition'");
    }

    @Test
    void missingStepsIsReported() {
        WorkflowDefinitionException e = loadError("name: x\n");
        assertThat(e.getMessage()).contains("the workflow document has no 'steps'");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void emptyBlocksAreRefused() {
        assertThat(loadError("steps: []").getMessage()).contains("'steps' is an empty block");
        WorkflowDefinitionException e = loadError("""
                steps:
                  - flux: while
                    condition: True
                    do: []
                """);
        assertThat(e.getMessage()).contains("'do' is an empty block");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(9);
        assertThat(loadError("steps:\n  - flux: parallel\n    branches: [[noop], []]\n").getMessage())
                .contains("a branch is an empty block");
    }

    @Test
    void wrongTypesAreReportedWithWhatWasExpected() {
        WorkflowDefinitionException e = loadError("steps:\n  - process: add\n    args: [1, 2]\n");
        assertThat(e.getMessage()).contains("'args' is a list");
        assertThat(e.expected()).isEqualTo("a mapping of argument names to values");
        assertThat(loadError("steps: noop").getMessage()).contains("'steps' is the text 'noop'");
        assertThat(loadError("steps: [42]").getMessage()).contains("a process name is int '42'");
        assertThat(loadError("steps:\n  - flux: if\n    condition: [1]\n    then: [noop]\n").getMessage())
                .contains("'condition' is a list");
        assertThat(loadError("max_ops: -3\nsteps: [noop]").getMessage()).contains("'max_ops' is int '-3'");
        assertThat(loadError("- noop").getMessage()).contains("the workflow document is a list");
    }

    @Test
    void stepWithNeitherProcessNorFluxIsRefused() {
        WorkflowDefinitionException e = loadError("steps:\n  - name: x\n    args: {}\n");
        assertThat(e.getMessage()).contains("a step mapping has neither 'process' nor 'flux' (keys: name, args)");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void unknownFluxKindIsRefusedWithASuggestion() {
        WorkflowDefinitionException e = loadError("steps:\n  - flux: whlie\n    condition: x\n    do: [noop]\n");
        assertThat(e.getMessage()).contains("unknown flux the text 'whlie'; did you mean 'while'?");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(11);
    }

    @Test
    void duplicateKeysAreRefused() {
        WorkflowDefinitionException e = loadError("steps: [noop]\nsteps: [increment]\n");
        assertThat(e.getMessage()).contains("duplicate key 'steps'");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void malformedYamlIsADefinitionErrorWithPosition() {
        WorkflowDefinitionException e = loadError("steps:\n  - noop\n - [unclosed\n");
        assertThat(e.getMessage()).startsWith("test.yaml:").contains("malformed YAML");
        assertThat(e.line()).isGreaterThan(0);
    }

    @Test
    void badConditionIsALoadErrorPointingAtTheColumn() {
        WorkflowDefinitionException e = loadError("""
                steps:
                  - flux: if
                    condition: domain.counter.getClass() == 1
                    then: [noop]
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(39);
        assertThat(e.getMessage()).contains("invalid condition `domain.counter.getClass() == 1`: method calls are "
                + "not allowed ('getClass(...)')");
    }

    @Test
    void conditionColumnsAccountForQuotes() {
        WorkflowDefinitionException e = loadError("steps:\n  - flux: if\n    condition: \"domain.x = 1\"\n"
                + "    then: [noop]\n");
        assertThat(e.column()).isEqualTo(26);
        assertThat(e.expected()).contains("'=='");
    }

    @Test
    void conditionLinesInLiteralBlocksPointIntoTheBlock() {
        WorkflowDefinitionException e = loadError("""
                steps:
                  - flux: if
                    condition: |
                      domain.counter > 1 and
                      domain.x ! 2
                    then: [noop]
                """);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isEqualTo(16);
    }

    @Test
    void aliasBombIsRefused() {
        WorkflowDefinitionException bomb = loadError("steps:\n  - process: add\n    args:\n      amount: "
                + bombValue() + "\n");
        assertThat(bomb.getMessage()).contains("expands to more than 50000 nodes");
        assertThat(bomb.line()).isEqualTo(4);
    }

    private static String bombValue() {
        // an anchor chain inside the args value: 48 aliases (under the alias limit), 8^7 nodes once expanded
        StringBuilder sb = new StringBuilder("[&b0 [x, x, x, x, x, x, x, x]");
        for (int i = 1; i < 7; i++) {
            sb.append(", &b").append(i).append(" [");
            for (int j = 0; j < 8; j++) {
                sb.append(j == 0 ? "" : ", ").append("*b").append(i - 1);
            }
            sb.append("]");
        }
        return sb.append("]").toString();
    }

    @Test
    void deepNestingIsRefusedBeforeComposition() {
        String deep = "steps: " + "[".repeat(5_000) + "]".repeat(5_000);
        WorkflowDefinitionException e = loadError(deep);
        assertThat(e.getMessage()).contains("nesting deeper than 64 levels");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void tooManyAliasesAreRefused() {
        StringBuilder yaml = new StringBuilder("steps:\n  - process: add\n    args:\n      amount: [&z [x]");
        for (int i = 0; i < 70; i++) {
            yaml.append(", *z");
        }
        yaml.append("]\n");
        assertThat(loadError(yaml.toString()).getMessage()).containsIgnoringCase("alias");
    }

    @Test
    void customTagsAreRefused() {
        WorkflowDefinitionException e = loadError("steps:\n  - process: add\n    args: {amount: !!java.lang.Runtime x}\n");
        assertThat(e.getMessage()).contains("is not supported");
    }

    @Test
    void secondDocumentIsRefused() {
        assertThat(loadError("steps: [noop]\n---\nsteps: [noop]\n").getMessage())
                .contains("expected one YAML document, found a second one");
    }

    @Test
    void emptyDocumentIsRefused() {
        assertThat(loadError("").getMessage()).contains("the document is empty");
        assertThat(loadError("# only a comment\n").getMessage()).contains("the document is empty");
    }

    @Test
    void invalidUtf8IsADefinitionError() {
        byte[] bytes = "steps: [noop]\n# \u00e9".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 1] = (byte) 0xC3;
        WorkflowDefinitionException e = catchThrowableOfType(WorkflowDefinitionException.class,
                () -> Workflow.read("bytes.yaml", new ByteArrayInputStream(bytes)));
        assertThat(e.getMessage()).contains("not valid UTF-8");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void filesAndResourcesLoad() throws Exception {
        Path file = Files.createTempFile("flux", ".yaml");
        try {
            Files.writeString(file, "steps: [noop]\n");
            assertThat(Workflow.load(file).processes()).containsExactly("noop");
        } finally {
            Files.delete(file);
        }
        assertThat(Workflow.fromResource("flux/counter.yaml").name()).isEqualTo("counter");
        assertThat(Workflow.fromResource(WorkflowLoaderTest.class, "/flux/counter.yaml").steps()).hasSize(3);
    }

    @Test
    void missingFilesAndResourcesAreDefinitionErrors() {
        assertThatThrownBy(() -> Workflow.load(Path.of("does/not/exist.yaml")))
                .isInstanceOf(WorkflowDefinitionException.class).hasMessageContaining("cannot read the file");
        assertThatThrownBy(() -> Workflow.fromResource("flux/none.yaml"))
                .isInstanceOf(WorkflowDefinitionException.class)
                .hasMessageContaining("no such classpath resource");
    }

    @Test
    void argumentValuesFollowTheCoreSchema() {
        Workflow wf = Fixtures.yaml("steps:\n  - process: add\n    args: {amount: 0x10}\n");
        assertThat(wf.steps()).hasSize(1);
        assertThat(loadError("steps:\n  - process: add\n    args: {amount: !!binary aGVsbG8=}\n").getMessage())
                .contains("the tag tag:yaml.org,2002:binary is not supported");
    }
}
