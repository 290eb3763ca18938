package io.theus.audit;

import io.theus.ContractDefinitionException;
import io.theus.TheusEngine;
import io.theus.audit.AuditEntry.Kind;
import io.theus.contract.ProcessSpec;
import io.theus.contract.ReturnMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where rules look for their values, what the gates leave behind, and what the log records. */
class AuditGatesTest {
    private final AtomicInteger bodyRuns = new AtomicInteger();
    private TheusEngine engine;

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
    }

    private TheusEngine engine(AuditRecipe recipe) {
        if (engine != null) {
            engine.close();
        }
        engine = TheusEngine.builder().audit(recipe).initialState(Map.of(
                "global", Map.of("limit", 100),
                "domain", Map.of("total", 0, "accounts", Map.of("ann", Map.of("balance", 10)))))
                .build();
        return engine;
    }

    private ProcessSpec.Builder counted(String name) {
        return ProcessSpec.builder(name).returns(ReturnMapping.RESULT);
    }

    private void registerAdd() {
        engine.register(counted("add").inputs("global.limit").outputs("domain.total", "domain.sig_added")
                .param("productName", String.class).optionalParam("note", String.class).param("amount", long.class)
                .body((ctx, args) -> {
                    bodyRuns.incrementAndGet();
                    ctx.set("domain.total", ctx.getLong("domain.total") + args.getLong("amount"));
                    ctx.emit("domain.sig_added", args.getLong("amount"));
                    return null;
                }).build());
    }

    @Test
    void inputRuleStopsTheBodyFromRunning() {
        engine(AuditRecipe.builder().input("add", AuditRule.on("amount").min(1).level(AuditLevel.A)).build());
        registerAdd();
        assertThatThrownBy(() -> engine.execute("add", Map.of("product_name", "x", "amount", 0)))
                .isInstanceOf(AuditAbortException.class);
        assertThat(bodyRuns).hasValue(0);
    }

    @Test
    void inputRuleOnAnArgumentAcceptsTheSnakeCaseOrJavaName() {
        engine(AuditRecipe.builder()
                .input("add", AuditRule.on("product_name").regex("[A-Z]").level(AuditLevel.A))
                .input("add", AuditRule.on("productName").maxLen(5).level(AuditLevel.A)).build());
        registerAdd();
        engine.execute("add", Map.of("productName", "Radio", "amount", 1));
        assertThatThrownBy(() -> engine.execute("add", Map.of("product_name", "radio", "amount", 1)))
                .hasMessageContaining("argument 'product_name' = String \"radio\" violates regex '[A-Z]'");
        assertThatThrownBy(() -> engine.execute("add", Map.of("product_name", "Radios", "amount", 1)))
                .hasMessageContaining("violates max_len 5 (length 6)");
    }

    @Test
    void anOmittedOptionalArgumentIsNotChecked() {
        engine(AuditRecipe.builder().input("add", AuditRule.on("note").minLen(3).level(AuditLevel.A)).build());
        registerAdd();
        engine.execute("add", Map.of("product_name", "x", "amount", 1));
        assertThatThrownBy(() -> engine.execute("add", Map.of("product_name", "x", "amount", 1, "note", "no")))
                .isInstanceOf(AuditAbortException.class);
    }

    @Test
    void inputRuleOnADeclaredPathChecksTheSnapshotBeforeTheBody() {
        engine(AuditRecipe.builder().input("add", AuditRule.on("global.limit").max(50).level(AuditLevel.A))
                .build());
        registerAdd();
        assertThatThrownBy(() -> engine.execute("add", Map.of("product_name", "x", "amount", 1)))
                .hasMessageContaining("input 'global.limit' = Integer 100 violates max 50");
        assertThat(bodyRuns).hasValue(0);
    }

    @Test
    void outputGateRejectionLeavesStateVersionAndSignalsUnchanged() {
        engine(AuditRecipe.builder().output("add", AuditRule.on("domain.total").max(10).level(AuditLevel.A))
                .build());
        registerAdd();
        engine.execute("add", Map.of("product_name", "x", "amount", 4));
        long version = engine.state().version();
        assertThatThrownBy(() -> engine.execute("add", Map.of("product_name", "x", "amount", 7)))
                .isInstanceOf(AuditAbortException.class).hasMessageContaining("output 'domain.total' = Long 11");
        assertThat(bodyRuns).hasValue(2);
        assertThat(engine.state().version()).isEqualTo(version);
        assertThat(engine.state().getLong("domain.total")).isEqualTo(4);
        assertThat(engine.state().signals()).singleElement().satisfies(s -> assertThat(s.payload()).isEqualTo(4L));
    }

    @Test
    void outputRuleByLeafNameChecksTheDeclaredOutput() {
        engine(AuditRecipe.builder().output("add", AuditRule.on("total").max(10).level(AuditLevel.A)).build());
        registerAdd();
        assertThatThrownBy(() -> engine.execute("add", Map.of("product_name", "x", "amount", 70)))
                .hasMessageContaining("output 'domain.total' = Long 70 violates max 10");
    }

    @Test
    void outputRuleWithAWildcardChecksEveryWrittenEntryAndNamesIt() {
        engine(AuditRecipe.builder()
                .output("pay", AuditRule.on("domain.accounts.*.balance").min(0).level(AuditLevel.A))
                .output("reset", AuditRule.on("domain.accounts.*.balance").min(0).level(AuditLevel.A)).build());
        engine.register(counted("pay").outputs("domain.accounts").param("who", String.class)
                .param("amount", long.class).body((ctx, args) -> {
                    String path = "domain.accounts." + args.getString("who") + ".balance";
                    Long old = ctx.get(path, Long.class);
                    ctx.set(path, (old == null ? 0 : old) - args.getLong("amount"));
                    return null;
                }).build());
        engine.register(counted("reset").outputs("domain.accounts").body((ctx, args) -> {
            ctx.set("domain.accounts", Map.of("ann", Map.of("balance", 1), "bob", Map.of("balance", -3)));
            return null;
        }).build());
        engine.execute("pay", Map.of("who", "ann", "amount", 10));
        assertThatThrownBy(() -> engine.execute("pay", Map.of("who", "bob", "amount", 1)))
                .hasMessageContaining("output 'domain.accounts.bob.balance' = Long -1 violates min 0");
        assertThatThrownBy(() -> engine.execute("reset"))
                .hasMessageContaining("output 'domain.accounts.bob.balance' = Integer -3 violates min 0");
    }

    @Test
    void outputRuleIgnoresPathsTheCommitDoesNotTouch() {
        engine(AuditRecipe.builder().output("other", AuditRule.on("domain.total").max(-1).level(AuditLevel.A))
                .build());
        engine.register(counted("other").outputs("domain.total", "domain.other").body((ctx, args) -> {
            ctx.set("domain.other", 1);
            return null;
        }).build());
        engine.execute("other");
        assertThat(engine.state().getInt("domain.other")).isEqualTo(1);
    }

    @Test
    void eachGateRunsOncePerExecution() {
        engine(AuditRecipe.builder().input("add", AuditRule.on("amount").max(0).level(AuditLevel.I))
                .output("add", AuditRule.on("domain.total").max(0).level(AuditLevel.I)).build());
        registerAdd();
        engine.execute("add", Map.of("product_name", "x", "amount", 3));
        assertThat(engine.audit().entriesOf("add")).extracting(AuditEntry::kind)
                .containsExactly(Kind.VIOLATION, Kind.VIOLATION, Kind.SUCCESS);
    }

    @Test
    void registrationRefusesARuleOnAnArgumentTheProcessDoesNotHave() {
        engine(AuditRecipe.builder().input("add", AuditRule.on("prise").min(0)).build());
        assertThatThrownBy(this::registerAdd).isInstanceOf(ContractDefinitionException.class)
                .hasMessageContaining("field 'prise' of process 'add' names no parameter")
                .hasMessageContaining("[product_name, note, amount]");
        assertThat(engine.process("add")).isEmpty();
    }

    @Test
    void aRecipeThatDoesNotFitOneProcessRefusesTheWholeRegistrationBatch() {
        engine(AuditRecipe.builder().input("first", AuditRule.on("amount").min(0))
                .input("second", AuditRule.on("amount").min(0)).build());
        assertThatThrownBy(() -> engine.register(TwoProcesses.class)).isInstanceOf(ContractDefinitionException.class)
                .hasMessageContaining("process 'second'");
        assertThat(engine.processes()).isEmpty();
    }

    @Test
    void registrationRefusesAnInputPathTheProcessMayNotRead() {
        engine(AuditRecipe.builder().input("add", AuditRule.on("domain.accounts").minLen(1)).build());
        assertThatThrownBy(this::registerAdd).isInstanceOf(ContractDefinitionException.class)
                .hasMessageContaining("is not a path the process may read");
    }

    @Test
    void registrationRefusesAnOutputFieldOutsideTheDeclaredOutputs() {
        engine(AuditRecipe.builder().output("add", AuditRule.on("domain.accounts").minLen(1)).build());
        assertThatThrownBy(this::registerAdd).hasMessageContaining("is not under a declared output");
        engine(AuditRecipe.builder().output("add", AuditRule.on("balance").min(0)).build());
        assertThatThrownBy(this::registerAdd).hasMessageContaining("is the leaf name of no declared output");
        engine(AuditRecipe.builder().output("add", AuditRule.on("domain.sig_added").min(0)).build());
        assertThatThrownBy(this::registerAdd).hasMessageContaining("is a SIGNAL path");
    }

    @Test
    void registrationRefusesAnAmbiguousOutputLeafName() {
        engine(AuditRecipe.builder().output("two", AuditRule.on("x").min(0)).build());
        assertThatThrownBy(() -> engine.register(counted("two").outputs("domain.a.x", "domain.b.x")
                .body((ctx, args) -> null).build()))
                .hasMessageContaining("is the leaf name of several declared outputs [domain.a.x, domain.b.x]");
    }

    @Test
    @SuppressWarnings("try")
    void logRecordsSuccessesFailuresAdminScopesAndOwnerCommits() {
        engine(AuditRecipe.empty());
        engine.register(counted("admin").outputs("domain.total").body((ctx, args) -> {
            try (var scope = ctx.admin("repair after incident 42")) {
                ctx.set("domain.total", 1);
            }
            return null;
        }).build());
        engine.register(counted("boom").outputs("domain.total").body((ctx, args) -> {
            throw new IllegalStateException("boom");
        }).build());
        engine.execute("admin");
        assertThatThrownBy(() -> engine.execute("boom")).isInstanceOf(RuntimeException.class);
        engine.edit(e -> e.set("domain.total", 2));
        assertThat(engine.audit().entries()).extracting(AuditEntry::kind, AuditEntry::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.SUCCESS, "initial"),
                org.assertj.core.groups.Tuple.tuple(Kind.ADMIN_SCOPE, "admin"),
                org.assertj.core.groups.Tuple.tuple(Kind.SUCCESS, "admin"),
                org.assertj.core.groups.Tuple.tuple(Kind.FAILURE, "boom:failure"),
                org.assertj.core.groups.Tuple.tuple(Kind.SUCCESS, "edit"));
        assertThat(engine.audit().entries().get(1).message()).contains("repair after incident 42");
        assertThat(engine.audit().entries()).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void logKeepsOnlyTheMostRecentEntries() {
        engine(AuditRecipe.empty());
        engine.close();
        engine = TheusEngine.builder().audit(AuditRecipe.empty(), 3).build();
        for (int i = 0; i < 5; i++) {
            engine.edit(e -> e.set("domain.n", 1));
        }
        assertThat(engine.audit().recorded()).isEqualTo(5);
        assertThat(engine.audit().capacity()).isEqualTo(3);
        assertThat(engine.audit().entries()).extracting(AuditEntry::sequence).containsExactly(3L, 4L, 5L);
    }

    @Test
    void eachEngineHasItsOwnLog() {
        engine(AuditRecipe.empty());
        try (TheusEngine other = TheusEngine.builder().audit(AuditRecipe.empty()).build()) {
            engine.edit(e -> e.set("domain.n", 1));
            assertThat(other.audit().entries()).isEmpty();
            assertThat(engine.audit().entries()).hasSize(2);
        }
    }

    @Test
    void anEngineWithoutARecipeHasADisabledAudit() {
        engine(AuditRecipe.empty());
        engine.close();
        engine = TheusEngine.builder().initialState(Map.of("domain", Map.of("n", 1))).build();
        engine.edit(e -> e.set("domain.n", 2));
        assertThat(engine.audit().enabled()).isFalse();
        assertThat(engine.audit().entries()).isEmpty();
        assertThat(engine.audit().interlocked()).isFalse();
    }
}
