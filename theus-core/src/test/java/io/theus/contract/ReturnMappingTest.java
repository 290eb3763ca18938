package io.theus.contract;

import io.theus.IllegalWriteException;
import io.theus.ReturnMappingException;
import io.theus.TheusEngine;
import io.theus.VersionMismatchException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReturnMappingTest {

    private static TheusEngine engine() {
        return TheusEngine.builder().initialState(Map.of("domain", Map.of("a", 0, "b", 0, "stats", Map.of("n", 0))))
                .build();
    }

    private static ProcessSpec.Builder spec(String name, String... outputs) {
        return ProcessSpec.builder(name).outputs(outputs);
    }

    @Test
    void singleOutputReceivesTheReturnedValue() {
        try (TheusEngine engine = engine()) {
            engine.register(spec("one", "domain.a").body((ctx, args) -> 5).build());
            assertThat(engine.execute("one")).isEqualTo(5);
            assertThat(engine.state().getInt("domain.a")).isEqualTo(5);
        }
    }

    @Test
    void nullMeansNothingReturned() {
        try (TheusEngine engine = engine()) {
            engine.register(spec("none", "domain.a").body((ctx, args) -> null).build());
            engine.execute("none");
            assertThat(engine.state().getInt("domain.a")).isZero();
            assertThat(engine.state().version()).isEqualTo(1);
        }
    }

    @Test
    void severalOutputsTakeAMapKeyedByPathOrLeafName() {
        try (TheusEngine engine = engine()) {
            engine.register(spec("two", "domain.a", "domain.stats.n").body((ctx, args) ->
                    Map.of("a", 1, "domain.stats.n", 2)).build());
            engine.execute("two");
            assertThat(engine.state().getInt("domain.a")).isEqualTo(1);
            assertThat(engine.state().getInt("domain.stats.n")).isEqualTo(2);
        }
    }

    @Test
    void severalOutputsTakePositionalValues() {
        try (TheusEngine engine = engine()) {
            engine.register(spec("list", "domain.a", "domain.b").body((ctx, args) -> List.of(3, 4)).build());
            engine.register(spec("array", "domain.a", "domain.b").body((ctx, args) -> new Object[] {5, 6}).build());
            engine.execute("list");
            assertThat(engine.state().getInt("domain.b")).isEqualTo(4);
            engine.execute("array");
            assertThat(engine.state().getInt("domain.a")).isEqualTo(5);
            assertThat(engine.state().getInt("domain.b")).isEqualTo(6);
        }
    }

    @Test
    void unmappableValueWithSeveralOutputsIsOnlyTheCallersResult() {
        try (TheusEngine engine = engine()) {
            engine.register(spec("added", "domain.a", "domain.b").body((ctx, args) -> {
                ctx.set("domain.a", 9);
                return "Added";
            }).build());
            assertThat(engine.execute("added")).isEqualTo("Added");
            assertThat(engine.state().getInt("domain.a")).isEqualTo(9);
        }
    }

    @Test
    void mapKeyThatIsNoOutputIsRefused() {
        try (TheusEngine engine = engine()) {
            engine.register(spec("stray", "domain.a", "domain.b").body((ctx, args) -> Map.of("zzz", 1)).build());
            assertThatThrownBy(() -> engine.execute("stray")).isInstanceOf(ReturnMappingException.class)
                    .hasMessageContaining("'zzz'");
            engine.register(spec("outside", "domain.a", "domain.b").body((ctx, args) ->
                    Map.of("domain.stats.n", 1)).build());
            assertThatThrownBy(() -> engine.execute("outside")).isInstanceOf(IllegalWriteException.class);
        }
    }

    @Test
    void explicitReturnWinsOverAnInPlaceWriteToTheSamePath() {
        try (TheusEngine engine = engine()) {
            engine.register(spec("both", "domain.a").body((ctx, args) -> {
                ctx.set("domain.a", 1);
                return 2;
            }).build());
            engine.execute("both");
            assertThat(engine.state().getInt("domain.a")).isEqualTo(2);
        }
    }

    @Test
    void resultMappingNeverWritesTheReturnValue() {
        try (TheusEngine engine = engine()) {
            engine.register(spec("status", "domain.a").returns(ReturnMapping.RESULT).body((ctx, args) -> {
                ctx.set("domain.a", 1);
                return "ok";
            }).build());
            assertThat(engine.execute("status")).isEqualTo("ok");
            assertThat(engine.state().getInt("domain.a")).isEqualTo(1);
        }
    }

    @Test
    void stateUpdateCarriesDataRemovalsHeavySignalsAndIsAllHonoured() {
        try (TheusEngine engine = engine()) {
            int[] buffer = new int[8];
            engine.register(spec("update", "domain", "heavy.buf").body((ctx, args) -> StateUpdate.builder()
                    .set("domain.a", 7)
                    .remove("domain.b")
                    .heavy("buf", buffer)
                    .signal("order_placed", "o-1")
                    .build()).build());
            engine.execute("update");
            var s = engine.state();
            assertThat(s.getInt("domain.a")).isEqualTo(7);
            assertThat(s.contains("domain.b")).isFalse();
            assertThat(s.get("heavy.buf")).isSameAs(buffer);
            assertThat(s.signals()).extracting(io.theus.signal.Signal::topic).containsExactly("order_placed");
        }
    }

    @Test
    void stateUpdateWithAStaleAssertedVersionFailsWithoutRetrying() {
        try (TheusEngine engine = engine()) {
            int[] runs = {0};
            engine.register(spec("asserting", "domain.a").body((ctx, args) -> {
                runs[0]++;
                return StateUpdate.builder().set("domain.a", 1).assertVersion(ctx.version() - 1).build();
            }).build());
            assertThatThrownBy(() -> engine.execute("asserting")).isInstanceOf(VersionMismatchException.class);
            assertThat(runs[0]).isEqualTo(1);
            assertThat(engine.state().getInt("domain.a")).isZero();
        }
    }

    @Test
    void singleOutputPatternCannotReceiveAValue() {
        try (TheusEngine engine = engine()) {
            engine.register(spec("pattern", "domain.*").body((ctx, args) -> 1).build());
            assertThatThrownBy(() -> engine.execute("pattern")).isInstanceOf(ReturnMappingException.class)
                    .hasMessageContaining("pattern");
        }
    }
}
