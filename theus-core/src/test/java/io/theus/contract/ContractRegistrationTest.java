package io.theus.contract;

import io.theus.ContractDefinitionException;
import io.theus.TheusEngine;
import io.theus.UnknownProcessException;
import io.theus.contract.fixtures.CounterProcesses;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractRegistrationTest {

    private static TheusEngine engine() {
        return TheusEngine.builder().initialState(Map.of("domain", Map.of("counter", 0))).build();
    }

    private static ProcessSpec.Builder noop(String name) {
        return ProcessSpec.builder(name).body((ctx, args) -> null);
    }

    @Test
    void malformedPathsAreRejectedNamingProcessAndPath() {
        try (TheusEngine engine = engine()) {
            assertThatThrownBy(() -> engine.register(noop("bad").inputs("domain..x").build()))
                    .isInstanceOfSatisfying(ContractDefinitionException.class, e -> {
                        assertThat(e.process()).contains("bad");
                        assertThat(e.path()).contains("domain..x");
                    }).hasMessageContaining("malformed input path 'domain..x'");
            assertThatThrownBy(() -> engine.register(noop("bad2").outputs("nowhere.x").build()))
                    .isInstanceOf(ContractDefinitionException.class).hasMessageContaining("unknown root 'nowhere'");
            assertThatThrownBy(() -> engine.register(noop("bad3").inputs("local.x").build()))
                    .isInstanceOf(ContractDefinitionException.class).hasMessageContaining("per-call scratch");
        }
    }

    @Test
    void pureProcessWithOutputsIsRejected() {
        try (TheusEngine engine = engine()) {
            assertThatThrownBy(() -> engine.register(noop("p").semantic(Semantic.PURE).outputs("domain.x").build()))
                    .isInstanceOf(ContractDefinitionException.class).hasMessageContaining("PURE")
                    .hasMessageContaining("domain.x");
        }
    }

    @Test
    void signalAndMetaInputsAreRejectedForPureProcessesAndUnderStrictGuards() {
        try (TheusEngine engine = engine()) {
            assertThatThrownBy(() -> engine.register(noop("s").inputs("domain.sig_go").build()))
                    .isInstanceOf(ContractDefinitionException.class).hasMessageContaining("SIGNAL");
            assertThatThrownBy(() -> engine.register(noop("m").inputs("domain.meta_x").build()))
                    .isInstanceOf(ContractDefinitionException.class).hasMessageContaining("META");
        }
        try (TheusEngine relaxed = TheusEngine.builder().strictGuards(false).build()) {
            relaxed.register(noop("s").inputs("domain.sig_go").build());
            assertThatThrownBy(() -> relaxed.register(noop("p").semantic(Semantic.PURE).inputs("domain.sig_go")
                    .build())).isInstanceOf(ContractDefinitionException.class).hasMessageContaining("PURE");
        }
    }

    @Test
    void constantOutputsAreRejected() {
        try (TheusEngine engine = engine()) {
            assertThatThrownBy(() -> engine.register(noop("c").outputs("domain.const_pi").build()))
                    .isInstanceOf(ContractDefinitionException.class).hasMessageContaining("CONSTANT");
        }
    }

    @Test
    void duplicateNamesAreRejectedAndTheFirstRegistrationStays() {
        try (TheusEngine engine = engine()) {
            engine.register(noop("x").build());
            assertThatThrownBy(() -> engine.register(noop("x").build()))
                    .isInstanceOf(ContractDefinitionException.class).hasMessageContaining("already registered");
            assertThat(engine.processes()).hasSize(1);
        }
    }

    @Test
    void classRegistrationIsAllOrNothing() {
        try (TheusEngine engine = engine()) {
            engine.register(noop("label").build());
            assertThatThrownBy(() -> engine.register(CounterProcesses.class))
                    .isInstanceOf(ContractDefinitionException.class);
            assertThat(engine.processes()).extracting(ProcessInfo::name).containsExactly("label");
        }
    }

    @Test
    void annotatedClassRegistersStaticAndInstanceMethods() {
        try (TheusEngine engine = engine()) {
            engine.register(CounterProcesses.class);
            assertThat(engine.processes()).extracting(ProcessInfo::name)
                    .containsExactly("increment", "label", "read_counter");
            ProcessInfo label = engine.process("label").orElseThrow();
            assertThat(label.params()).extracting(Param::name).containsExactly("labelText", "note");
            assertThat(label.params().get(1).optional()).isTrue();
            engine.execute("increment", Map.of("by", 2));
            assertThat(engine.execute("read_counter")).isEqualTo(2L);
        }
    }

    @Test
    void scanAndRegisterFindsProcessesInSubPackages() {
        try (TheusEngine engine = engine()) {
            var found = engine.scanAndRegister("io.theus.contract.fixtures");
            assertThat(found).extracting(ProcessInfo::name)
                    .containsExactlyInAnyOrder("increment", "label", "read_counter", "reset");
            engine.execute("increment", Map.of("by", 3));
            engine.execute("reset");
            assertThat(engine.state().getInt("domain.counter")).isZero();
        }
    }

    @Test
    void registeringAClassWithoutProcessesIsAnError() {
        try (TheusEngine engine = engine()) {
            assertThatThrownBy(() -> engine.register(String.class)).isInstanceOf(ContractDefinitionException.class)
                    .hasMessageContaining("no @TheusProcess methods");
        }
    }

    @Test
    void unknownProcessNamesSuggestCloseMatches() {
        try (TheusEngine engine = engine()) {
            engine.register(CounterProcesses.class);
            assertThatThrownBy(() -> engine.execute("incremnt")).isInstanceOf(UnknownProcessException.class)
                    .hasMessageContaining("did you mean [increment]");
        }
    }
}
