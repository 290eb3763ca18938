package io.theus.tx;

import io.theus.ProcessFailedException;
import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import io.theus.contract.ReturnMapping;
import io.theus.state.StateSnapshot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollbackTest {

    static final class DeclaredProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeclaredProblem() {
            super("declared");
        }
    }

    private static TheusEngine engine(boolean strict) {
        TheusEngine engine = TheusEngine.builder().strictGuards(strict)
                .initialState(Map.of("domain", Map.of("a", 1, "b", 2))).build();
        engine.register(ProcessSpec.builder("declared").outputs("domain.a", "domain.b").errors(DeclaredProblem.class)
                .body((ctx, args) -> {
                    ctx.set("domain.a", 100);
                    ctx.emit("changed", true);
                    throw new DeclaredProblem();
                }).build());
        engine.register(ProcessSpec.builder("undeclared").outputs("domain.a").body((ctx, args) -> {
            ctx.set("domain.a", 100);
            throw new IllegalStateException("bug");
        }).build());
        engine.register(ProcessSpec.builder("checked").outputs("domain.a").errors(IOException.class)
                .body((ctx, args) -> {
                    ctx.set("domain.a", 100);
                    throw new IOException("disk");
                }).build());
        engine.register(ProcessSpec.builder("late").outputs("domain.a").returns(ReturnMapping.AUTO)
                .body((ctx, args) -> {
                    ctx.set("domain.a", 5);
                    return new StringBuilder("not immutable");
                }).build());
        return engine;
    }

    private static void assertUntouched(TheusEngine engine, StateSnapshot before) {
        assertThat(engine.state()).isSameAs(before);
        assertThat(engine.state().version()).isEqualTo(1);
        assertThat(engine.state().getInt("domain.a")).isEqualTo(1);
        assertThat(engine.state().signals()).isEmpty();
    }

    @Test
    void declaredUncheckedErrorPropagatesUnchangedAndLeavesStateAndVersionUntouched() {
        try (TheusEngine engine = engine(true)) {
            StateSnapshot before = engine.state();
            assertThatThrownBy(() -> engine.execute("declared")).isExactlyInstanceOf(DeclaredProblem.class);
            assertUntouched(engine, before);
        }
    }

    @Test
    void undeclaredErrorIsWrappedUnderStrictGuardsAndStillRollsBack() {
        try (TheusEngine engine = engine(true)) {
            StateSnapshot before = engine.state();
            assertThatThrownBy(() -> engine.execute("undeclared"))
                    .isInstanceOfSatisfying(ProcessFailedException.class, e -> {
                        assertThat(e.declared()).isFalse();
                        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
                    }).hasMessageContaining("undeclared java.lang.IllegalStateException: bug");
            assertUntouched(engine, before);
        }
        try (TheusEngine relaxed = engine(false)) {
            assertThatThrownBy(() -> relaxed.execute("undeclared")).isExactlyInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void checkedErrorIsWrappedAndRollsBack() {
        try (TheusEngine engine = engine(true)) {
            StateSnapshot before = engine.state();
            assertThatThrownBy(() -> engine.execute("checked"))
                    .isInstanceOfSatisfying(ProcessFailedException.class, e -> assertThat(e.declared()).isTrue())
                    .hasCauseInstanceOf(IOException.class);
            assertUntouched(engine, before);
        }
    }

    @Test
    void failureWhileMappingTheReturnValueRollsBackEarlierWrites() {
        try (TheusEngine engine = engine(true)) {
            StateSnapshot before = engine.state();
            assertThatThrownBy(() -> engine.execute("late")).isInstanceOf(io.theus.InvalidValueException.class);
            assertUntouched(engine, before);
        }
    }

    @Test
    void editRollsBackWhenItsBodyThrows() {
        try (TheusEngine engine = engine(true)) {
            StateSnapshot before = engine.state();
            assertThatThrownBy(() -> engine.edit(e -> {
                e.set("domain.a", 7);
                throw new IllegalArgumentException("abort");
            })).isInstanceOf(IllegalArgumentException.class);
            assertUntouched(engine, before);
        }
    }
}
