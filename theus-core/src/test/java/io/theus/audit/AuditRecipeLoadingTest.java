package io.theus.audit;

import io.theus.DefinitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading recipes from YAML, files, the classpath and builders; malformed recipes are refused with a location. */
class AuditRecipeLoadingTest {

    private static DefinitionException refused(String yaml) {
        try {
            AuditRecipe.parse(yaml, "recipe.yaml");
        } catch (DefinitionException e) {
            return e;
        }
        throw new AssertionError("recipe was accepted:\n" + yaml);
    }

    @Test
    void warehouseRecipeLoadsWithEveryKey() {
        AuditRecipe r = AuditRecipe.loadResource("io/theus/audit/warehouse_recipe.yaml");
        assertThat(r.source()).isEqualTo("classpath:io/theus/audit/warehouse_recipe.yaml");
        assertThat(r.settings()).isEqualTo(new AuditSettings(AuditLevel.B, 3, 0, true));
        ProcessRecipe p = r.process("add_product").orElseThrow();
        assertThat(p.inputs()).singleElement().satisfies(rule -> {
            assertThat(rule.field()).isEqualTo("price");
            assertThat(rule.min()).isEqualByComparingTo("0");
            assertThat(rule.level()).isEqualTo(AuditLevel.B);
            assertThat(rule.thresholdMax()).isEqualTo(1);
            assertThat(rule.message()).isEqualTo("price must not be negative");
            assertThat(rule.origin()).isEqualTo("classpath:io/theus/audit/warehouse_recipe.yaml:12:9");
        });
        assertThat(p.outputs()).extracting(AuditRule::field).containsExactly("domain.total_value", "domain.items");
        assertThat(p.outputs().get(0).max()).isEqualByComparingTo(new BigDecimal("1000000000"));
        assertThat(p.outputs().get(1).maxLen()).isEqualTo(5);
    }

    @Test
    void everyCheckKeyIsRead() {
        AuditRecipe r = AuditRecipe.parse("""
                process_recipes:
                  p:
                    inputs:
                      - {field: a, eq: 3, neq: "x", min_len: 1, max_len: 9, regex: "^[a-z]+$", level: stop}
                      - {field: b, eq: true, level: i}
                """, "inline");
        AuditRule a = r.process("p").orElseThrow().inputs().get(0);
        assertThat(a.eq()).isEqualTo(new BigDecimal("3"));
        assertThat(a.neq()).isEqualTo("x");
        assertThat(a.minLen()).isEqualTo(1);
        assertThat(a.maxLen()).isEqualTo(9);
        assertThat(a.regex()).isEqualTo("^[a-z]+$");
        assertThat(a.level()).isEqualTo(AuditLevel.S);
        assertThat(r.process("p").orElseThrow().inputs().get(1).eq()).isEqualTo(true);
        assertThat(r.settings()).isEqualTo(AuditSettings.defaults());
    }

    @Test
    void aProcessWithoutRulesIsAllowed() {
        AuditRecipe r = AuditRecipe.parse("process_recipes:\n  idle:\n", "inline");
        assertThat(r.process("idle")).get().isEqualTo(new ProcessRecipe(java.util.List.of(), java.util.List.of()));
    }

    @Test
    void recipeFileLoadsFromDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("audit.yaml");
        Files.writeString(file, "audit:\n  level: C\n  reset_on_success: false\n");
        AuditRecipe r = AuditRecipe.load(file);
        assertThat(r.settings().level()).isEqualTo(AuditLevel.C);
        assertThat(r.settings().resetOnSuccess()).isFalse();
        assertThat(r.source()).isEqualTo(file.toString());
    }

    @Test
    void missingFileAndMissingResourceAreDefinitionErrors(@TempDir Path dir) {
        assertThatThrownBy(() -> AuditRecipe.load(dir.resolve("nope.yaml"))).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("cannot read the file");
        assertThatThrownBy(() -> AuditRecipe.loadResource("no/such/recipe.yaml"))
                .isInstanceOf(DefinitionException.class).hasMessage("classpath:no/such/recipe.yaml:0:0: no such "
                        + "classpath resource");
    }

    @Test
    void unknownTopLevelKeyIsRefusedWithItsLocation() {
        DefinitionException e = refused("audit:\n  level: B\nprocess_recipe:\n  p: {}\n");
        assertThat(e.source()).isEqualTo("recipe.yaml");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.getMessage()).isEqualTo("recipe.yaml:3:1: unknown key 'process_recipe' in the recipe; allowed "
                + "keys are [audit, process_recipes]");
    }

    @Test
    void unknownRuleKeyIsRefusedWithItsLocation() {
        DefinitionException e = refused("""
                process_recipes:
                  p:
                    inputs:
                      - field: x
                        minimum: 0
                """);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isEqualTo(9);
        assertThat(e.problem()).startsWith("unknown key 'minimum' in an inputs rule of process 'p'");
    }

    @Test
    void valuesOfTheWrongTypeAreRefused() {
        assertThat(refused("audit:\n  threshold_max: many\n").problem())
                .isEqualTo("threshold_max must be a whole number >= 1, was the string \"many\"");
        assertThat(refused("audit:\n  threshold_max: 0\n").problem())
                .isEqualTo("threshold_max must be a whole number >= 1, was the number 0");
        assertThat(refused("audit:\n  reset_on_success: yes\n").problem())
                .isEqualTo("reset_on_success must be true or false, was the string \"yes\"");
        assertThat(refused("audit:\n  level: X\n").problem()).startsWith("level must be one of S, A, B, C, I");
        DefinitionException min = refused("process_recipes:\n  p:\n    outputs:\n      - {field: domain.x, min: "
                + "low}\n");
        assertThat(min.problem()).isEqualTo("min must be a finite number, was the string \"low\"");
        assertThat(min.line()).isEqualTo(4);
        assertThat(min.column()).isEqualTo(32);
        assertThat(refused("process_recipes:\n  p:\n    inputs: {field: x}\n").problem())
                .isEqualTo("inputs of process 'p' must be a list, was a mapping");
        assertThat(refused("process_recipes:\n  p:\n    inputs:\n      - {field: x, max: .inf}\n").problem())
                .isEqualTo("max must be a finite number, was the number .inf");
        assertThat(refused("process_recipes:\n  p:\n    inputs:\n      - {field: x, eq: [1]}\n").problem())
                .isEqualTo("eq must be a number, a string or a boolean, was a list");
    }

    @Test
    void badRegularExpressionIsRefusedAtItsValue() {
        DefinitionException e = refused("process_recipes:\n  p:\n    inputs:\n      - field: x\n        regex: "
                + "\"[a-\"\n");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isEqualTo(16);
        assertThat(e.problem()).contains("regex of the rule on 'x' is not a valid pattern");
    }

    @Test
    void ruleWithoutFieldOrWithoutCheckIsRefused() {
        assertThat(refused("process_recipes:\n  p:\n    inputs:\n      - {min: 0}\n").problem())
                .isEqualTo("an inputs rule of process 'p' needs a 'field'");
        assertThat(refused("process_recipes:\n  p:\n    inputs:\n      - {field: x, level: C}\n").problem())
                .isEqualTo("the inputs rule of process 'p' on 'x' has no check; give it min, max, eq, neq, min_len, "
                        + "max_len or regex");
        assertThat(refused("process_recipes:\n  p:\n    inputs:\n      - {field: 'a..b', min: 0}\n").problem())
                .startsWith("field must be an argument name or a path, was 'a..b'");
    }

    @Test
    void contradictoryBoundsAreRefused() {
        assertThat(refused("process_recipes:\n  p:\n    inputs:\n      - {field: x, min: 5, max: 1}\n").problem())
                .isEqualTo("min (5) must not exceed max (1) in the rule on 'x'");
        assertThat(refused("process_recipes:\n  p:\n    inputs:\n      - {field: x, min_len: 5, max_len: 1}\n")
                .problem()).isEqualTo("min_len (5) must not exceed max_len (1) in the rule on 'x'");
    }

    @Test
    void thresholdMaxOnARuleThatIsNotLevelBIsRefused() {
        assertThat(refused("process_recipes:\n  p:\n    inputs:\n      - {field: x, min: 0, threshold_max: 2, "
                + "level: S}\n").problem()).isEqualTo("threshold_max applies to level B only; the rule on 'x' is "
                + "level S, which acts on the first violation");
        DefinitionException inherited = refused("audit: {level: C}\nprocess_recipes:\n  p:\n    inputs:\n"
                + "      - {field: x, min: 0, threshold_max: 2}\n");
        assertThat(inherited.problem()).contains("inherits level C from the audit block");
        assertThat(inherited.line()).isEqualTo(5);
    }

    @Test
    void duplicateKeysAreRefused() {
        DefinitionException e = refused("audit:\n  level: B\n  level: C\n");
        assertThat(e.problem()).isEqualTo("duplicate key 'level' in the audit block");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void malformedYamlIsRefusedWithTheParserLocation() {
        DefinitionException e = refused("audit:\n  level: [B\n");
        assertThat(e.problem()).startsWith("malformed YAML");
        assertThat(e.line()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void emptyAndMultiDocumentRecipesAreRefused() {
        assertThat(refused("").problem()).isEqualTo("the document is empty");
        assertThat(refused("# nothing\n").problem()).isEqualTo("the document is empty");
        assertThat(refused("audit: {}\n---\naudit: {}\n").problem())
                .isEqualTo("expected one YAML document, found a second one");
        assertThat(refused("- audit\n").problem()).isEqualTo("the recipe must be a mapping, was a list");
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        assertThat(refused(yaml.toString()).problem()).isEqualTo("more than 64 aliases");
    }

    @Test
    void aliasesWithinTheLimitAreExpanded() {
        StringBuilder yaml = new StringBuilder("process_recipes:\n  p:\n    inputs:\n");
        yaml.append("      - &r {field: x, min: 0, max: 1, message: m}\n");
        for (int i = 0; i < 60; i++) {
            yaml.append("      - *r\n");
        }
        AuditRecipe r = AuditRecipe.parse(yaml.toString(), "aliases");
        assertThat(r.process("p").orElseThrow().inputs()).hasSize(61);
    }

    @Test
    void absurdNestingIsRefusedBeforeComposition() {
        String deep = "audit: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        DefinitionException e = refused(deep);
        assertThat(e.problem()).isEqualTo("nesting deeper than 64 levels");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void builderChecksEveryRuleAtOnce() {
        assertThatThrownBy(() -> AuditRecipe.builder().input("p", AuditRule.on("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no check");
        assertThatThrownBy(() -> AuditRule.on("x").min(0).regex("("))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid pattern");
        assertThatThrownBy(() -> AuditRule.on("x").min(0).level(AuditLevel.C).thresholdMax(2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level B only");
        assertThatThrownBy(() -> AuditRecipe.builder().level(AuditLevel.S)
                .input("p", AuditRule.on("x").min(0).thresholdMax(2)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inherited from the audit block");
        assertThatThrownBy(() -> AuditRecipe.builder().thresholdMax(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("threshold_max must be >= 1, was 0");
        assertThatThrownBy(() -> AuditRule.on("x").eq(new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a number, a string");
    }
}
