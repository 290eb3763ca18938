package io.theus.tx;

import io.theus.NestedEngineCallException;
import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import io.theus.contract.ReturnMapping;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NestedCallTest {

    @Test
    void callingTheEngineFromInsideAProcessIsRefusedAtOnce() {
        AtomicReference<TheusEngine> self = new AtomicReference<>();
        try (TheusEngine engine = TheusEngine.builder().initialState(Map.of("domain", Map.of("a", 1))).build();
             TheusEngine other = TheusEngine.builder().build()) {
            self.set(engine);
            engine.register(ProcessSpec.builder("inner").outputs("domain.a").body((ctx, args) -> 2).build());
            engine.register(ProcessSpec.builder("outer").outputs("domain.a").returns(ReturnMapping.RESULT)
                    .body((ctx, args) -> self.get().execute("inner")).build());
            engine.register(ProcessSpec.builder("tx").returns(ReturnMapping.RESULT)
                    .body((ctx, args) -> self.get().transaction()).build());
            engine.register(ProcessSpec.builder("edit").returns(ReturnMapping.RESULT)
                    .body((ctx, args) -> other.edit(e -> e.set("domain.x", 1))).build());

            assertThatThrownBy(() -> engine.execute("outer"))
                    .isInstanceOfSatisfying(NestedEngineCallException.class,
                            e -> assertThat(e.process()).contains("outer"))
                    .hasMessageContaining("process 'outer' called execute('inner')")
                    .hasMessageContaining("pipeline pattern");
            assertThatThrownBy(() -> engine.execute("tx")).isInstanceOf(NestedEngineCallException.class);
            assertThatThrownBy(() -> engine.execute("edit")).isInstanceOf(NestedEngineCallException.class);
            assertThat(engine.state().getInt("domain.a")).isEqualTo(1);
            assertThat(engine.execute("inner")).isEqualTo(2);
        }
    }
}
