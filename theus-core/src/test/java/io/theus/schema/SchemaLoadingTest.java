package io.theus.schema;

import io.theus.DefinitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading {@code context_schema.yaml} documents and building schemas in code. */
class SchemaLoadingTest {

    private static DefinitionException refused(String yaml) {
        try {
            Schema.parse(yaml, "schema.yaml");
        } catch (DefinitionException e) {
            return e;
        }
        throw new AssertionError("schema was accepted:\n" + yaml);
    }

    @Test
    void groupsSpecsShorthandsNestedFieldsAndPatternsFlattenToPaths() {
        Schema s = Schema.parse("""
                context:
                  global:
                    max_capacity: {type: int, min: 1, max: 10000, default: 500, description: how many items fit}
                  domain:
                    name: str
                    user:
                      type: dict
                      required: true
                      fields:
                        email: {type: string, regex: "^[^@]+@[^@]+$"}
                    accounts:
                      "*":
                        balance: {type: integer, min: 0, required: true}
                    ratio: {type: number, min: 0.5}
                    tags: {type: list, min_len: 1, max_len: 8, default: [a]}
                    meta: any
                """, "schema.yaml");
        assertThat(s.fields().keySet()).containsExactly("global.max_capacity", "domain.name", "domain.user",
                "domain.user.email", "domain.accounts.*.balance", "domain.ratio", "domain.tags", "domain.meta");
        assertThat(s.field("global.max_capacity")).get().isEqualTo(FieldSpec.of(FieldType.INTEGER).min(1)
                .max(10_000).defaultValue(500L));
        assertThat(s.field("domain.name")).get().isEqualTo(FieldSpec.of(FieldType.STRING));
        assertThat(s.field("domain.user")).get().extracting(FieldSpec::required).isEqualTo(true);
        assertThat(s.field("domain.accounts.*.balance")).get().extracting(FieldSpec::min)
                .isEqualTo(BigDecimal.ZERO);
        assertThat(s.field("domain.ratio")).get().extracting(FieldSpec::type).isEqualTo(FieldType.FLOAT);
        assertThat(s.field("domain.tags")).get().extracting(FieldSpec::defaultValue).isEqualTo(List.of("a"));
        assertThat(s.source()).isEqualTo("schema.yaml");
    }

    @Test
    void schemaFileLoadsFromDiskAndTheClasspath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("context_schema.yaml");
        Files.writeString(file, "context:\n  domain:\n    n: integer\n");
        assertThat(Schema.load(file).fields()).containsOnlyKeys("domain.n");
        assertThat(Schema.loadResource("io/theus/schema/context_schema.yaml").fields())
                .containsKeys("domain.total_value", "domain.items");
        assertThatThrownBy(() -> Schema.loadResource("io/theus/schema/nope.yaml"))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("no such classpath resource");
    }

    @Test
    void unknownTypeIsRefusedWithItsLocation() {
        DefinitionException e = refused("context:\n  domain:\n    n: {type: decimal}\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(15);
        assertThat(e.problem()).isEqualTo("type must be one of string, integer, float, boolean, list, dict, any, "
                + "was 'decimal'");
    }

    @Test
    void unknownSpecKeyIsRefused() {
        DefinitionException e = refused("context:\n  domain:\n    n:\n      type: integer\n      minimum: 0\n");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.problem()).startsWith("unknown key 'minimum' in the spec of 'domain.n'; allowed keys are");
    }

    @Test
    void constraintsThatDoNotFitTheTypeAreRefused() {
        assertThat(refused("context:\n  domain:\n    n: {type: string, min: 0}\n").problem())
                .isEqualTo("min and max apply to integer and float fields, not string");
        assertThat(refused("context:\n  domain:\n    n: {type: integer, max_len: 3}\n").problem())
                .isEqualTo("min_len and max_len apply to string, list and dict fields, not integer");
        assertThat(refused("context:\n  domain:\n    n: {type: list, regex: x}\n").problem())
                .isEqualTo("regex applies to string fields, not list");
        assertThat(refused("context:\n  domain:\n    n: {type: integer, fields: {a: integer}}\n").problem())
                .isEqualTo("'fields' applies to dict specs, not integer");
        assertThat(refused("context:\n  domain:\n    n: {type: integer, min: 5, max: 1}\n").problem())
                .isEqualTo("min (5) must not exceed max (1)");
    }

    @Test
    void wrongValueTypesAreRefused() {
        assertThat(refused("context:\n  domain:\n    n: {type: integer, required: maybe}\n").problem())
                .isEqualTo("required must be true or false, was the string \"maybe\"");
        assertThat(refused("context:\n  domain:\n    n: {type: integer, min: zero}\n").problem())
                .isEqualTo("min must be a finite number, was the string \"zero\"");
        assertThat(refused("context:\n  domain:\n    n: {type: string, max_len: -1}\n").problem())
                .isEqualTo("max_len must be a whole number >= 0, was the number -1");
        assertThat(refused("context:\n  domain: [a, b]\n").problem())
                .startsWith("the schema group 'domain' must be a field spec");
    }

    @Test
    void badRegexIsRefusedAtItsValue() {
        DefinitionException e = refused("context:\n  domain:\n    code: {type: string, regex: \"(\"}\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(33);
        assertThat(e.problem()).startsWith("regex is not a valid pattern");
    }

    @Test
    void aDefaultThatViolatesItsSpecIsRefused() {
        DefinitionException e = refused("context:\n  domain:\n    n: {type: integer, min: 1, default: 0}\n");
        assertThat(e.problem()).isEqualTo("the default of 'domain.n' violates min 1");
        assertThat(refused("context:\n  domain:\n    n: {type: integer, default: abc}\n").problem())
                .isEqualTo("the default of 'domain.n' violates type integer");
    }

    @Test
    void documentsWithoutContextOrWithTransientPathsAreRefused() {
        assertThat(refused("domain:\n  n: integer\n").problem())
                .isEqualTo("unknown key 'domain' in the schema; allowed keys are [context]");
        assertThat(refused("context:\n").problem())
                .isEqualTo("the schema needs a 'context:' mapping of roots (global, domain, ...)");
        assertThat(refused("context:\n  signal:\n    cmd_stop: boolean\n").problem())
                .contains("is not committed state");
        assertThat(refused("context:\n  domain:\n    sig_ready: boolean\n").problem())
                .contains("is not committed state");
        assertThat(refused("context:\n  domain:\n    bad key: integer\n").problem())
                .startsWith("'bad key' is not a valid path segment");
        assertThat(refused("context:\n  domain: {}\n").problem()).isEqualTo("the schema group 'domain' is empty");
    }

    @Test
    void absurdNestingAndAliasExpansionAreRefused() {
        StringBuilder deep = new StringBuilder("context:\n");
        for (int i = 0; i < 70; i++) {
            deep.append("  ".repeat(i + 1)).append("g").append(i).append(":\n");
        }
        deep.append("  ".repeat(71)).append("n: integer\n");
        assertThat(refused(deep.toString()).problem()).isEqualTo("nesting deeper than 64 levels");

        StringBuilder bomb = new StringBuilder("context:\n  domain:\n");
        bomb.append("    l0: &l0 {a: integer, b: integer, c: integer, d: integer}\n");
        for (int i = 1; i <= 7; i++) {
            bomb.append("    l").append(i).append(": &l").append(i).append(" {");
            for (int j = 0; j < 8; j++) {
                bomb.append(j == 0 ? "" : ", ").append("k").append(j).append(": *l").append(i - 1);
            }
            bomb.append("}\n");
        }
        assertThat(refused(bomb.toString()).problem()).contains("expands to more than 50000 nodes");
    }

    @Test
    void builderValidatesEachFieldAtOnce() {
        assertThatThrownBy(() -> Schema.builder().field("domain.n", FieldSpec.of(FieldType.INTEGER))
                .field("domain['n']", FieldSpec.of(FieldType.STRING)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("schema path 'domain.n' is defined twice");
        assertThatThrownBy(() -> Schema.builder().field("domain..n", FieldSpec.of(FieldType.INTEGER)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is malformed");
        assertThatThrownBy(() -> Schema.builder().field("domain.*.n", FieldSpec.of(FieldType.INTEGER)
                .defaultValue(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schema pattern 'domain.*.n' cannot have a default");
        assertThatThrownBy(() -> Schema.builder().field("domain.n", FieldSpec.of(FieldType.INTEGER)
                .defaultValue("x")).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("violates type integer");
        assertThatThrownBy(() -> FieldSpec.of(FieldType.BOOLEAN).min(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toBuilderExtendsASchema() {
        Schema base = Schema.builder().field("domain.n", FieldSpec.of(FieldType.INTEGER)).build();
        Schema more = base.toBuilder().field("domain.m", FieldSpec.of(FieldType.STRING)).build();
        assertThat(more.fields()).containsOnlyKeys("domain.n", "domain.m");
        assertThat(base.fields()).containsOnlyKeys("domain.n");
    }
}
