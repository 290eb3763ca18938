package io.theus.contract;

import io.theus.ContractDefinitionException;
import io.theus.TheusEngine;
import io.theus.UnknownProcessException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MethodReferenceTest {

    @TheusProcess(name = "add", inputs = "domain.total", outputs = "domain.total")
    static int add(ProcessContext ctx, int amount, String why) {
        return ctx.getInt("domain.total") + amount;
    }

    @TheusProcess(name = "total", inputs = "domain.total", semantic = Semantic.PURE)
    static int total(ProcessContext ctx) {
        return ctx.getInt("domain.total");
    }

    @TheusProcess(name = "clear", outputs = "domain.total")
    static void clear(ProcessContext ctx, String why) {
        ctx.set("domain.total", 0);
    }

    static final class Scaled {
        private final int factor;

        Scaled(int factor) {
            this.factor = factor;
        }

        @TheusProcess(name = "scale", inputs = "domain.total", outputs = "domain.total")
        int scale(ProcessContext ctx) {
            return ctx.getInt("domain.total") * factor;
        }
    }

    private static TheusEngine engine() {
        return TheusEngine.builder().initialState(Map.of("domain", Map.of("total", 1))).build();
    }

    @Test
    void processesRegisterAndExecuteByMethodReferenceWithTypedArguments() {
        try (TheusEngine engine = engine()) {
            engine.register(MethodReferenceTest::add);
            engine.register(MethodReferenceTest::total);
            Integer result = engine.execute(MethodReferenceTest::add, 4, "bonus");
            assertThat(result).isEqualTo(5);
            int total = engine.execute(MethodReferenceTest::total);
            assertThat(total).isEqualTo(5);
        }
    }

    @Test
    void voidProcessesRunByReference() {
        try (TheusEngine engine = engine()) {
            engine.register(MethodReferenceTest.class);
            engine.run(MethodReferenceTest::clear, "reset");
            assertThat(engine.state().getInt("domain.total")).isZero();
        }
    }

    @Test
    void boundInstanceMethodReferenceRegistersWithItsReceiver() {
        try (TheusEngine engine = engine()) {
            Scaled triple = new Scaled(3);
            engine.register(triple::scale);
            engine.execute(triple::scale);
            assertThat(engine.state().getInt("domain.total")).isEqualTo(3);
        }
    }

    @Test
    void unregisteredReferenceIsAnUnknownProcess() {
        try (TheusEngine engine = engine()) {
            assertThatThrownBy(() -> engine.execute(MethodReferenceTest::total))
                    .isInstanceOf(UnknownProcessException.class).hasMessageContaining("register it first");
        }
    }

    @Test
    void lambdasAreNotMethodReferences() {
        try (TheusEngine engine = engine()) {
            ProcessRef.Of0<Integer> lambda = ctx -> 1;
            assertThatThrownBy(() -> engine.register(lambda)).isInstanceOf(ContractDefinitionException.class)
                    .hasMessageContaining("lambda");
        }
    }
}
