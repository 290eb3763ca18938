package io.theus.flux.internal;

import io.theus.TheusEngine;
import io.theus.flux.Workflow;
import io.theus.flux.WorkflowDefinitionException;
import io.theus.tx.internal.Version;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz-style properties (SPEC R2): whatever bytes, YAML or condition text comes in, the loader either returns a
 * workflow or throws a {@link WorkflowDefinitionException}; a compiled condition either yields a truth value or a
 * condition fault. Nothing else escapes.
 */
class LoaderFuzzTest {
    private static final String VALID = """
            name: sample
            steps:
              - increment
              - process: add
                args: {amount: 2, tags: [a, b]}
              - flux: while
                condition: domain.counter < 10 and signal.get('cmd_stop') != 'True'
                do:
                  - flux: if
                    condition: len(domain.items) > 0
                    then: [increment]
                    else: [noop]
              - flux: parallel
                branches: [[noop], [increment]]
            """;

    private static TheusEngine engine;
    private static Version version;

    @BeforeContainer
    static void state() {
        engine = TheusEngine.builder().initialState(Map.of(
                "global", Map.of("x", 1, "names", List.of("a", "b")),
                "domain", Map.of("counter", 3, "items", List.of(1, 2.5, "x"), "name", "n",
                        "nested", Map.of("k", List.of(Map.of("v", 1)))))).build();
        engine.edit(e -> e.set("signal.cmd_stop", "True"));
        version = (Version) engine.state();
    }

    @AfterContainer
    static void close() {
        engine.close();
    }

    private static void loadsOrRefuses(Runnable load) {
        try {
            load.run();
        } catch (WorkflowDefinitionException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            assertThat(expected.line()).isGreaterThanOrEqualTo(0);
        }
    }

    @Property(tries = 1000)
    void randomBytesNeverCrashTheLoader(@ForAll @Size(max = 300) byte[] bytes) {
        loadsOrRefuses(() -> Workflow.read("fuzz.yaml", new ByteArrayInputStream(bytes)));
    }

    @Property(tries = 1000)
    void mutatedWorkflowsNeverCrashTheLoader(@ForAll("mutations") String yaml) {
        loadsOrRefuses(() -> Workflow.parse("fuzz.yaml", yaml));
    }

    @Property(tries = 1000)
    void randomYamlNeverCrashesTheLoader(@ForAll("documents") String yaml) {
        loadsOrRefuses(() -> Workflow.parse("fuzz.yaml", yaml));
    }

    @Property(tries = 2000)
    void randomConditionsCompileOrAreRefusedAndEvaluateOrFault(@ForAll("conditions") String text) {
        Condition condition;
        try {
            condition = Condition.compile(text, offset -> new SourcePos(1, offset + 1));
        } catch (ExpressionSyntaxException refused) {
            assertThat(refused.offset()).isBetween(0, Math.max(text.length(), ExpressionParser.MAX_LENGTH));
            return;
        }
        try {
            condition.test(version, new Trace(text));
        } catch (Condition.ConditionFault fault) {
            assertThat(fault.getMessage()).startsWith("condition `");
        }
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID.length() - 1);
        Arbitrary<String> insert = Arbitraries.of("", "-", ":", " ", "\n", "  ", "[", "]", "{", "}", "&a", "*a", "!",
                "'", "\"", "|", ">", "#", "\t", "%", "@", "`", "?", ",", "flux: ", "\u0000", "\uFFFF");
        Arbitrary<Integer> delete = Arbitraries.integers().between(0, 5);
        return Combinators.combine(position, insert, delete).as((p, ins, del) ->
                VALID.substring(0, p) + ins + VALID.substring(Math.min(VALID.length(), p + del)))
                .list().ofMinSize(1).ofMaxSize(3).map(edits -> edits.get(edits.size() - 1));
    }

    @Provide
    Arbitrary<String> documents() {
        return node(4).map(n -> "steps:\n" + n);
    }

    private Arbitrary<String> node(int depth) {
        Arbitrary<String> scalar = Arbitraries.of("increment", "noop", "add", "~", "''", "42", "-1", "true",
                "domain.counter < 3", "'x", "if", "while", "run", "parallel", "[]", "{}", "&x a", "*x", "!!int x",
                "null", ".inf", "0x1F", "steps", "condition");
        if (depth == 0) {
            return scalar.map(s -> "  - " + s + "\n");
        }
        Arbitrary<String> key = Arbitraries.of("flux", "process", "args", "condition", "then", "else", "do", "steps",
                "branches", "name", "description", "max_ops", "bogus", "1", "? x");
        Arbitrary<String> entry = Combinators.combine(key, scalar).as((k, v) -> k + ": " + v);
        Arbitrary<String> mapping = entry.list().ofMinSize(1).ofMaxSize(4)
                .map(entries -> "  - " + String.join("\n    ", entries) + "\n");
        Arbitrary<String> nested = Combinators.combine(Arbitraries.of("if", "while", "run", "parallel"),
                Arbitraries.of("condition: True", "condition: domain.x", "condition: (", ""),
                Arbitraries.of("then", "do", "steps", "branches", "else"), Arbitraries.lazy(() -> node(depth - 1)))
                .as((kind, cond, block, inner) -> "  - flux: " + kind + "\n" + (cond.isEmpty() ? "" : "    " + cond
                        + "\n") + "    " + block + ":\n" + inner.indent(4));
        return Arbitraries.oneOf(scalar.map(s -> "  - " + s + "\n"), mapping, nested).list().ofMinSize(0)
                .ofMaxSize(4).map(items -> String.join("", items));
    }

    @Provide
    Arbitrary<String> conditions() {
        Arbitrary<String> token = Arbitraries.of("domain", "global", "signal", "cmd", ".", "counter", "items", "name",
                "nested", "k", "v", "x", "names", "[", "]", "(", ")", "'k'", "\"x\"", "0", "1", "-1", "2.5", "1e400",
                "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "//", "%", "**", "and", "or", "not", "in",
                "is", "None", "True", "false", ",", "len", "int", "float", "str", "bool", "abs", "min", "max", "sum",
                "get", "'cmd_stop'", "__class__", "=", "!", "{", "lambda", "@", " ", "\n", "9223372036854775807",
                "'", "\\");
        return token.list().ofMinSize(1).ofMaxSize(14).map(tokens -> String.join(" ", tokens)).injectDuplicates(0.1)
                .edgeCases(e -> e.add("signal.get('cmd_stop') != 'True'"));
    }

    @Example
    void theSampleThatIsMutatedIsAValidWorkflow() {
        assertThat(Workflow.parse("ok.yaml", VALID).steps()).hasSize(9);
    }
}
