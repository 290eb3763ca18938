package io.theus.tx;

import io.theus.EngineClosedException;
import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineLifecycleTest {

    @Test
    void closedEngineRefusesWorkButSnapshotsStayReadable() {
        TheusEngine engine = TheusEngine.builder().initialState(Map.of("domain", Map.of("a", 1))).build();
        engine.register(ProcessSpec.builder("p").outputs("domain.a").body((ctx, args) -> 2).build());
        var snapshot = engine.state();
        engine.close();
        assertThat(engine.isClosed()).isTrue();
        assertThatThrownBy(() -> engine.execute("p")).isInstanceOf(EngineClosedException.class);
        assertThatThrownBy(() -> engine.edit(e -> e.set("domain.a", 3))).isInstanceOf(EngineClosedException.class);
        assertThatThrownBy(engine::transaction).isInstanceOf(EngineClosedException.class);
        assertThat(snapshot.getInt("domain.a")).isEqualTo(1);
    }

    @Test
    void asynchronousExecutionCompletesWithTheResultOrTheFailure() throws Exception {
        try (TheusEngine engine = TheusEngine.builder().initialState(Map.of("domain", Map.of("a", 1))).build()) {
            engine.register(ProcessSpec.builder("inc").outputs("domain.a").body((ctx, args) ->
                    ctx.getInt("domain.a") + 1).build());
            CompletableFuture<Object> ok = engine.executeAsync("inc", Map.of());
            assertThat(ok.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            CompletableFuture<Object> bad = engine.executeAsync("inc", Map.of("x", 1));
            assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(io.theus.ArgumentBindingException.class);
        }
    }

    @Test
    void builderValidatesOptionsAndNamesTheWrongValue() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1))
                .hasMessage("maxAttempts must be >= 1, was 0");
        assertThatThrownBy(() -> TheusEngine.builder().writeTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("writeTimeout must not be negative");
        assertThatThrownBy(() -> TheusEngine.builder().namespaces("domain"))
                .hasMessageContaining("namespace must be a single segment");
        assertThatThrownBy(() -> TheusEngine.builder().conflictHistory(3)).hasMessageContaining("was 3");
    }
}
