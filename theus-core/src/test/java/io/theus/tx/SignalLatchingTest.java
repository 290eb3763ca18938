package io.theus.tx;

import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import io.theus.contract.ReturnMapping;
import io.theus.signal.Signal;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignalLatchingTest {

    private static TheusEngine engine() {
        TheusEngine engine = TheusEngine.builder().initialState(Map.of("domain", Map.of("stock", 1))).build();
        engine.register(ProcessSpec.builder("sell").outputs("domain.stock", "domain.sig_restock", "signal.cmd_reorder")
                .returns(ReturnMapping.RESULT).body((ctx, args) -> {
                    ctx.update("domain.stock", Integer.class, s -> s - 1);
                    ctx.set("domain.sig_restock", true);
                    ctx.emit("sold", Map.of("left", ctx.getInt("domain.stock")));
                    ctx.set("signal.cmd_reorder", "now");
                    return ctx.get("domain.sig_restock");
                }).build());
        engine.register(ProcessSpec.builder("noop_write").outputs("domain.other").body((ctx, args) -> 1).build());
        engine.register(ProcessSpec.builder("failing").outputs("domain.stock").body((ctx, args) -> {
            ctx.emit("never", 1);
            throw new IllegalStateException("x");
        }).errors(IllegalStateException.class).build());
        return engine;
    }

    @Test
    void signalsAreLatchedOnTheCommittedVersionInEmissionOrder() {
        try (TheusEngine engine = engine()) {
            Object seenInside = engine.execute("sell");
            assertThat(seenInside).isEqualTo(true);
            assertThat(engine.state().signals()).extracting(Signal::topic)
                    .containsExactly("domain.sig_restock", "sold", "cmd_reorder");
            assertThat(engine.state().get("domain.sig_restock")).isEqualTo(true);
            assertThat(engine.state().get("signal.cmd_reorder")).isEqualTo("now");
            assertThat(engine.state().getMap("domain")).doesNotContainKey("sig_restock");
        }
    }

    @Test
    void nextCommitClearsTheSignalsButOldSnapshotsKeepThem() {
        try (TheusEngine engine = engine()) {
            engine.execute("sell");
            var withSignals = engine.state();
            engine.execute("noop_write");
            assertThat(engine.state().signals()).isEmpty();
            assertThat(engine.state().get("domain.sig_restock")).isNull();
            assertThat(withSignals.signals()).hasSize(3);
        }
    }

    @Test
    void failedTransactionsLatchNoSignal() {
        try (TheusEngine engine = engine()) {
            engine.execute("sell");
            assertThatThrownBy(() -> engine.execute("failing")).isInstanceOf(IllegalStateException.class);
            assertThat(engine.state().signals()).extracting(Signal::topic).doesNotContain("never");
        }
    }

    @Test
    void signalPayloadsAreFrozen() {
        try (TheusEngine engine = engine()) {
            engine.edit(e -> e.emit("batch", new java.util.ArrayList<>(java.util.List.of(1, 2))));
            Object payload = engine.state().signals().get(0).payload();
            assertThatThrownBy(() -> ((java.util.List<?>) payload).clear())
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
