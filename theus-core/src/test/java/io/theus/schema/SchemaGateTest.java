package io.theus.schema;

import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import io.theus.contract.ReturnMapping;
import io.theus.contract.StateUpdate;
import io.theus.tx.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Type Shield on every kind of commit: what it rejects, and that a rejection leaves no trace. */
class SchemaGateTest {
    private static final Schema SCHEMA = Schema.parse("""
            context:
              global:
                max_capacity: {type: integer, min: 1, default: 500}
              domain:
                total_value: {type: integer, min: 0, required: true, default: 0}
                items: {type: list, max_len: 3, default: []}
                code: {type: string, regex: "[A-Z]{3}$"}
                ratio: float
                flags:
                  active: boolean
                accounts:
                  "*":
                    balance: {type: integer, min: 0, required: true}
                    owner: {type: string, min_len: 1}
            """, "schema.yaml");

    private TheusEngine engine;

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
    }

    private TheusEngine engine() {
        engine = TheusEngine.builder().schema(SCHEMA).initialState(Map.of("domain", Map.of("accounts",
                Map.of("ann", Map.of("balance", 10, "owner", "Ann"))))).build();
        engine.register(ProcessSpec.builder("set").outputs("domain").param("path", String.class)
                .param("value", Object.class).returns(ReturnMapping.RESULT).body((ctx, args) -> {
                    ctx.set(args.getString("path"), args.get("value"));
                    ctx.emit("domain.sig_set", args.getString("path"));
                    return null;
                }).build());
        engine.register(ProcessSpec.builder("remove").outputs("domain").param("path", String.class)
                .returns(ReturnMapping.RESULT).body((ctx, args) -> ctx.remove(args.getString("path"))).build());
        return engine;
    }

    private SchemaViolationException rejected(String path, Object value) {
        long version = engine.state().version();
        Object before = engine.state().get(path);
        var signals = engine.state().signals();
        try {
            engine.execute("set", Map.of("path", path, "value", value));
        } catch (SchemaViolationException e) {
            assertThat(engine.state().version()).isEqualTo(version);
            assertThat(engine.state().get(path)).isEqualTo(before);
            assertThat(engine.state().signals()).isEqualTo(signals);
            return e;
        }
        throw new AssertionError("commit of " + path + " = " + value + " was accepted");
    }

    private void accepted(String path, Object value) {
        engine.execute("set", Map.of("path", path, "value", value));
        assertThat(engine.state().get(path)).isNotNull();
    }

    @Test
    void defaultsFillTheInitialContext() {
        engine();
        assertThat(engine.state().getInt("global.max_capacity")).isEqualTo(500);
        assertThat(engine.state().getInt("domain.total_value")).isZero();
        assertThat(engine.state().getList("domain.items")).isEmpty();
        assertThat(engine.state().getInt("domain.accounts.ann.balance")).isEqualTo(10);
    }

    @Test
    void wrongTypeIsRejectedNamingPathValueAndRule() {
        engine();
        SchemaViolationException e = rejected("domain.total_value", "lots");
        assertThat(e.path()).contains("domain.total_value");
        assertThat(e.value()).isEqualTo("lots");
        assertThat(e.rule()).isEqualTo("type integer");
        assertThat(e.process()).contains("set");
        assertThat(e).hasMessage("schema rejected the commit of process 'set': 'domain.total_value' = String "
                + "\"lots\" violates type integer; nothing was committed");
        assertThat(rejected("domain.total_value", 1.5).rule()).isEqualTo("type integer");
        assertThat(rejected("domain.flags.active", "yes").rule()).isEqualTo("type boolean");
        assertThat(rejected("domain.ratio", "half").rule()).isEqualTo("type float");
        assertThat(rejected("domain.items", Map.of()).rule()).isEqualTo("type list");
    }

    @Test
    void valuesOfTheRightTypeAreAccepted() {
        engine();
        accepted("domain.total_value", 7L);
        accepted("domain.ratio", 3);
        accepted("domain.ratio", 0.5);
        accepted("domain.flags.active", true);
        accepted("domain.code", "ABC");
        accepted("domain.unschematized", List.of(1, "x"));
    }

    @Test
    void constraintViolationsAreRejected() {
        engine();
        assertThat(rejected("domain.total_value", -1).rule()).isEqualTo("min 0");
        assertThat(rejected("domain.items", List.of(1, 2, 3, 4)).rule()).isEqualTo("max_len 3 (length 4)");
        assertThat(rejected("domain.code", "ABCD").rule()).isEqualTo("regex '[A-Z]{3}$'");
        assertThat(rejected("domain.accounts.ann.owner", "").rule()).isEqualTo("min_len 1 (length 0)");
    }

    @Test
    void removingARequiredFieldIsRejected() {
        engine();
        long version = engine.state().version();
        assertThatThrownBy(() -> engine.execute("remove", Map.of("path", "domain.total_value")))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                    assertThat(e.rule()).isEqualTo("required");
                    assertThat(e.value()).isNull();
                }).hasMessageContaining("'domain.total_value' = missing violates required");
        assertThat(engine.state().version()).isEqualTo(version);
        assertThat(engine.state().getInt("domain.total_value")).isZero();
    }

    @Test
    void aNewEntryMissingARequiredFieldIsRejected() {
        engine();
        SchemaViolationException e = rejected("domain.accounts.bob", Map.of("owner", "Bob"));
        assertThat(e.violations()).containsExactly(new SchemaViolation("domain.accounts.bob.balance", null,
                "required"));
        assertThatThrownBy(() -> engine.execute("remove", Map.of("path", "domain.accounts.ann.balance")))
                .isInstanceOf(SchemaViolationException.class).hasMessageContaining("domain.accounts.ann.balance");
        accepted("domain.accounts.bob", Map.of("owner", "Bob", "balance", 0));
        engine.execute("remove", Map.of("path", "domain.accounts.bob"));
        assertThat(engine.state().get("domain.accounts.bob")).isNull();
    }

    @Test
    void replacingAWholeSubtreeChecksEverySpecInsideItAndListsEveryViolation() {
        engine();
        SchemaViolationException e = rejected("domain", Map.of("total_value", -5, "items", List.of(),
                "accounts", Map.of("ann", Map.of("balance", -1, "owner", "Ann"), "bob", Map.of("owner", "Bob"))));
        assertThat(e.violations()).containsExactlyInAnyOrder(
                new SchemaViolation("domain.total_value", -5, "min 0"),
                new SchemaViolation("domain.accounts.ann.balance", -1, "min 0"),
                new SchemaViolation("domain.accounts.bob.balance", null, "required"));
        assertThat(e).hasMessageContaining("(and 2 more: ");
        assertThat(rejected("domain", Map.of("items", List.of())).violations())
                .containsExactly(new SchemaViolation("domain.total_value", null, "required"));
    }

    @Test
    void aSpecOnAnAncestorIsCheckedWhenAChildIsWritten() {
        engine = TheusEngine.builder().schema(Schema.builder()
                .field("domain.tags", FieldSpec.of(FieldType.DICT).maxLen(2)).build()).build();
        engine.edit(e -> e.set("domain.tags.a", 1));
        engine.edit(e -> e.set("domain.tags.b", 1));
        assertThatThrownBy(() -> engine.edit(e -> e.set("domain.tags.c", 1)))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                    assertThat(e.path()).contains("domain.tags");
                    assertThat(e.rule()).isEqualTo("max_len 2 (length 3)");
                    assertThat(e.process()).isEmpty();
                });
        assertThat(engine.state().getMap("domain.tags")).hasSize(2);
    }

    @Test
    void ownerEditsTransactionsAndCompareAndSwapAreCheckedToo() {
        engine();
        long version = engine.state().version();
        assertThatThrownBy(() -> engine.edit(e -> e.set("domain.total_value", -1)))
                .isInstanceOf(SchemaViolationException.class);
        try (Transaction tx = engine.transaction()) {
            tx.set("domain.total_value", "x");
            assertThatThrownBy(tx::commit).isInstanceOf(SchemaViolationException.class);
        }
        assertThatThrownBy(() -> engine.compareAndSwap(version, StateUpdate.builder()
                .set("domain.items", List.of(1, 2, 3, 4)).build())).isInstanceOf(SchemaViolationException.class);
        assertThat(engine.state().version()).isEqualTo(version);
    }

    @Test
    void anInitialContextThatViolatesTheSchemaFailsTheBuild() {
        assertThatThrownBy(() -> TheusEngine.builder().schema(SCHEMA)
                .initialState(Map.of("domain", Map.of("total_value", -3))).build())
                .isInstanceOf(SchemaViolationException.class).hasMessageContaining("'domain.total_value' = Integer -3"
                        + " violates min 0");
    }

    @Test
    void aSchemaPathUnderAnUnknownRootFailsTheBuild() {
        Schema schema = Schema.builder().field("portfolio.cash", FieldSpec.of(FieldType.INTEGER)).build();
        assertThatThrownBy(() -> TheusEngine.builder().schema(schema).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path 'portfolio.cash' is under unknown root 'portfolio'");
        try (TheusEngine ok = TheusEngine.builder().namespaces("portfolio").schema(schema).build()) {
            assertThatThrownBy(() -> ok.edit(e -> e.set("portfolio.cash", "none")))
                    .isInstanceOf(SchemaViolationException.class);
        }
    }

    @Test
    void recordValidatorsSeeOnlyRecordsTheCommitAdds() {
        record Order(String id, long quantity) {
        }
        List<String> seen = new CopyOnWriteArrayList<>();
        RecordValidator validator = (path, value) -> {
            seen.add(path);
            return value instanceof Order o && o.quantity() <= 0
                    ? List.of(new SchemaViolation(path + ".quantity", o.quantity(), "@Positive"))
                    : List.of();
        };
        engine = TheusEngine.builder().schema(Schema.builder().recordValidator(validator).build())
                .initialState(Map.of("domain", Map.of("orders", List.of()))).build();
        engine.register(ProcessSpec.builder("order").outputs("domain.orders").param("id", String.class)
                .param("quantity", long.class).returns(ReturnMapping.RESULT).body((ctx, args) -> {
                    ctx.append("domain.orders", new Order(args.getString("id"), args.getLong("quantity")));
                    return null;
                }).build());
        for (int i = 0; i < 50; i++) {
            engine.execute("order", Map.of("id", "o" + i, "quantity", 1));
        }
        assertThat(seen).hasSize(50).endsWith("domain.orders.49");
        long version = engine.state().version();
        assertThatThrownBy(() -> engine.execute("order", Map.of("id", "bad", "quantity", 0)))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> assertThat(e.violations())
                        .containsExactly(new SchemaViolation("domain.orders.50.quantity", 0L, "@Positive")));
        assertThat(engine.state().version()).isEqualTo(version);
        assertThat(seen).hasSize(51);
    }

    @Test
    void unchangedChildrenOfARewrittenMapAreNotCheckedAgain() {
        List<String> checked = new ArrayList<>();
        record Tag(String name) {
        }
        engine = TheusEngine.builder().schema(Schema.builder().recordValidator((path, value) -> {
            checked.add(path);
            return List.of();
        }).build()).build();
        engine.edit(e -> e.set("domain.tags", Map.of("a", new Tag("a"), "b", new Tag("b"))));
        checked.clear();
        engine.edit(e -> e.update("domain.tags", m -> {
            Map<Object, Object> copy = new java.util.HashMap<>((Map<?, ?>) m);
            copy.put("c", new Tag("c"));
            return copy;
        }));
        assertThat(checked).containsExactly("domain.tags.c");
    }
}
