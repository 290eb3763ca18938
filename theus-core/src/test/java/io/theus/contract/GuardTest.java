package io.theus.contract;

import io.theus.IllegalReadException;
import io.theus.IllegalWriteException;
import io.theus.TheusEngine;
import io.theus.state.Capability;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardTest {

    private static TheusEngine engine(boolean strict) {
        return TheusEngine.builder().strictGuards(strict).initialState(Map.of(
                "global", Map.of("rate", 3),
                "domain", Map.of("a", 1, "b", 2, "users", Map.of("ann", Map.of("name", "Ann", "age", 30))))).build();
    }

    private static ProcessSpec.Builder spec(String name) {
        return ProcessSpec.builder(name).returns(ReturnMapping.RESULT);
    }

    @Test
    void readingAnUndeclaredPathIsAnIllegalReadNamingProcessPathAndCapability() {
        try (TheusEngine engine = engine(true)) {
            engine.register(spec("peek").inputs("domain.a").body((ctx, args) -> ctx.get("domain.b")).build());
            assertThatThrownBy(() -> engine.execute("peek"))
                    .isInstanceOfSatisfying(IllegalReadException.class, e -> {
                        assertThat(e.process()).contains("peek");
                        assertThat(e.path()).contains("domain.b");
                        assertThat(e.capability()).isEqualTo(Capability.READ);
                    })
                    .hasMessageContaining("process 'peek' may not read 'domain.b'");
        }
    }

    @Test
    void readingTheParentOfADeclaredPathIsIllegal() {
        try (TheusEngine engine = engine(true)) {
            engine.register(spec("peek").inputs("domain.a").body((ctx, args) -> ctx.get("domain")).build());
            assertThatThrownBy(() -> engine.execute("peek")).isInstanceOf(IllegalReadException.class);
        }
    }

    @Test
    void aDeclaredPathGrantsItsWholeSubtree() {
        try (TheusEngine engine = engine(true)) {
            engine.register(spec("name").inputs("domain.users").body((ctx, args) ->
                    ctx.getString("domain.users.ann.name")).build());
            assertThat(engine.execute("name")).isEqualTo("Ann");
        }
    }

    @Test
    void wildcardMatchesExactlyOneSegment() {
        try (TheusEngine engine = engine(true)) {
            engine.register(spec("name").inputs("domain.users.*.name").body((ctx, args) ->
                    ctx.getString("domain.users.ann.name")).build());
            engine.register(spec("age").inputs("domain.users.*.name").body((ctx, args) ->
                    ctx.get("domain.users.ann.age")).build());
            assertThat(engine.execute("name")).isEqualTo("Ann");
            assertThatThrownBy(() -> engine.execute("age")).isInstanceOf(IllegalReadException.class);
        }
    }

    @Test
    void writingAnInputOnlyPathIsAnIllegalWrite() {
        try (TheusEngine engine = engine(true)) {
            engine.register(spec("bump").inputs("domain.a").body((ctx, args) -> {
                ctx.set("domain.a", 5);
                return null;
            }).build());
            assertThatThrownBy(() -> engine.execute("bump"))
                    .isInstanceOfSatisfying(IllegalWriteException.class, e -> {
                        assertThat(e.path()).contains("domain.a");
                        assertThat(e.capability()).isEqualTo(Capability.UPDATE);
                    })
                    .hasMessageContaining("may not UPDATE 'domain.a': it is not declared in its outputs");
            assertThat(engine.state().getInt("domain.a")).isEqualTo(1);
        }
    }

    @Test
    void creatingAnUndeclaredKeyIsAnIllegalAppend() {
        try (TheusEngine engine = engine(true)) {
            engine.register(spec("add").outputs("domain.a").body((ctx, args) -> {
                ctx.set("domain.c", 5);
                return null;
            }).build());
            assertThatThrownBy(() -> engine.execute("add"))
                    .isInstanceOfSatisfying(IllegalWriteException.class,
                            e -> assertThat(e.capability()).isEqualTo(Capability.APPEND));
        }
    }

    @Test
    void outputsImplyReading() {
        try (TheusEngine engine = engine(true)) {
            engine.register(spec("double").outputs("domain.a").body((ctx, args) -> {
                ctx.set("domain.a", ctx.getInt("domain.a") * 2);
                return null;
            }).build());
            engine.execute("double");
            assertThat(engine.state().getInt("domain.a")).isEqualTo(2);
        }
    }

    @Test
    void pureProcessGetsAReadOnlyView() {
        try (TheusEngine engine = engine(true)) {
            engine.register(spec("sneaky").inputs("domain.a").semantic(Semantic.PURE).body((ctx, args) -> {
                ctx.set("domain.a", 9);
                return null;
            }).build());
            engine.register(spec("emitter").inputs("domain.a").semantic(Semantic.PURE).body((ctx, args) -> {
                ctx.emit("t", 1);
                return null;
            }).build());
            engine.register(spec("reader").inputs("domain.a").semantic(Semantic.PURE).body((ctx, args) -> {
                ctx.set("local.tmp", 1);
                return ctx.getInt("domain.a") + (int) ctx.get("local.tmp");
            }).build());
            assertThatThrownBy(() -> engine.execute("sneaky")).isInstanceOf(IllegalWriteException.class)
                    .hasMessageContaining("is PURE");
            assertThatThrownBy(() -> engine.execute("emitter")).isInstanceOf(IllegalWriteException.class)
                    .hasMessageContaining("may not emit");
            assertThat(engine.execute("reader")).isEqualTo(2);
        }
    }

    @Test
    void pureProcessStaysReadOnlyEvenUnderRelaxedGuards() {
        try (TheusEngine engine = engine(false)) {
            engine.register(spec("sneaky").inputs("domain.a").semantic(Semantic.PURE).body((ctx, args) -> {
                ctx.set("domain.a", 9);
                return null;
            }).build());
            assertThatThrownBy(() -> engine.execute("sneaky")).isInstanceOf(IllegalWriteException.class);
        }
    }

    @Test
    void relaxedGuardsAllowUndeclaredAccessButTransactionsStayOn() {
        try (TheusEngine engine = engine(false)) {
            engine.register(spec("free").inputs("domain.a").body((ctx, args) -> {
                ctx.set("domain.b", ctx.getInt("domain.b") + 1);
                return null;
            }).build());
            engine.register(spec("failing").inputs("domain.a").body((ctx, args) -> {
                ctx.set("domain.b", 100);
                throw new IllegalStateException("boom");
            }).build());
            engine.execute("free");
            assertThat(engine.state().getInt("domain.b")).isEqualTo(3);
            assertThatThrownBy(() -> engine.execute("failing")).isInstanceOf(IllegalStateException.class);
            assertThat(engine.state().getInt("domain.b")).isEqualTo(3);
        }
    }

    @Test
    void contextCannotBeUsedAfterTheProcessReturned() {
        try (TheusEngine engine = engine(true)) {
            ProcessContext[] leaked = new ProcessContext[1];
            engine.register(spec("leak").inputs("domain.a").body((ctx, args) -> {
                leaked[0] = ctx;
                return null;
            }).build());
            engine.execute("leak");
            assertThatThrownBy(() -> leaked[0].get("domain.a")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("after the process returned");
        }
    }

    @Test
    void localScratchNeedsNoDeclarationAndIsNeverCommitted() {
        try (TheusEngine engine = engine(true)) {
            engine.register(spec("scratch").body((ctx, args) -> {
                ctx.set("local.x", 41);
                ctx.local().put("y", 1);
                return (int) ctx.get("local.x") + (int) ctx.local().get("y");
            }).build());
            assertThat(engine.execute("scratch")).isEqualTo(42);
            assertThat(engine.state().version()).isEqualTo(1);
        }
    }
}
