package io.theus.engine;

import io.theus.InvalidPathException;
import io.theus.InvalidValueException;
import io.theus.TheusEngine;
import io.theus.ValueTypeException;
import io.theus.contract.ProcessSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WritesAndDeletesTest {

    private static TheusEngine engine() {
        return TheusEngine.builder().initialState(Map.of("domain", Map.of(
                "user", Map.of("name", "Ann", "address", Map.of("city", "Oslo", "zip", "0150")),
                "items", List.of("a", "b", "c")))).build();
    }

    @Test
    void partialUpdateOfANestedLeafKeepsItsSiblings() {
        try (TheusEngine engine = engine()) {
            engine.edit(e -> e.set("domain.user.address.city", "Bergen"));
            assertThat(engine.state().getMap("domain.user.address"))
                    .containsEntry("city", "Bergen").containsEntry("zip", "0150");
            assertThat(engine.state().getString("domain.user.name")).isEqualTo("Ann");
        }
    }

    @Test
    void settingADeepPathCreatesMissingIntermediateMaps() {
        try (TheusEngine engine = engine()) {
            engine.edit(e -> e.set("domain.settings.theme.color", "blue"));
            assertThat(engine.state().getString("domain.settings.theme.color")).isEqualTo("blue");
        }
    }

    @Test
    void removingANestedKeyReallyDeletesIt() {
        try (TheusEngine engine = engine()) {
            engine.register(ProcessSpec.builder("forget_zip").outputs("domain.user.address")
                    .returns(io.theus.contract.ReturnMapping.RESULT)
                    .body((ctx, args) -> ctx.remove("domain.user.address.zip")).build());
            Object removed = engine.execute("forget_zip");
            assertThat(removed).isEqualTo(Boolean.TRUE);
            assertThat(engine.state().getMap("domain.user.address")).containsOnlyKeys("city");
            assertThat(engine.state().contains("domain.user.address.zip")).isFalse();
        }
    }

    @Test
    void removingAnAbsentPathChangesNothingAndCommitsNoVersion() {
        try (TheusEngine engine = engine()) {
            long before = engine.state().version();
            long after = engine.edit(e -> assertThat(e.remove("domain.nothing.here")).isFalse());
            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void listElementsAreAddressedByIndexAppendedAndRemoved() {
        try (TheusEngine engine = engine()) {
            engine.edit(e -> {
                e.set("domain.items[1]", "B");
                e.append("domain.items", "d");
                e.remove("domain.items.0");
                e.set("domain.items.3", "e");
            });
            assertThat(engine.state().getList("domain.items")).containsExactly("B", "c", "d", "e");
        }
    }

    @Test
    void listIndexBeyondTheEndIsAClearError() {
        try (TheusEngine engine = engine()) {
            assertThatThrownBy(() -> engine.edit(e -> e.set("domain.items.7", "x")))
                    .isInstanceOf(InvalidPathException.class).hasMessageContaining("outside the list of size 3");
            assertThat(engine.state().getList("domain.items")).hasSize(3);
        }
    }

    @Test
    void writingThroughALeafIsAClearError() {
        try (TheusEngine engine = engine()) {
            assertThatThrownBy(() -> engine.edit(e -> e.set("domain.user.name.first", "A")))
                    .isInstanceOf(InvalidPathException.class).hasMessageContaining("'domain.user.name' holds a String");
        }
    }

    @Test
    void appendingToANonListIsAClearError() {
        try (TheusEngine engine = engine()) {
            assertThatThrownBy(() -> engine.edit(e -> e.append("domain.user.name", "x")))
                    .isInstanceOf(ValueTypeException.class).hasMessageContaining("not a list");
        }
    }

    @Test
    void updateFunctionReturningNullRemovesTheValue() {
        try (TheusEngine engine = engine()) {
            engine.edit(e -> e.update("domain.user.name", old -> null));
            assertThat(engine.state().contains("domain.user.name")).isFalse();
        }
    }

    @Test
    void unknownRootsAreRejected() {
        try (TheusEngine engine = engine()) {
            assertThatThrownBy(() -> engine.edit(e -> e.set("portfolio.x", 1)))
                    .isInstanceOf(InvalidPathException.class).hasMessageContaining("unknown root 'portfolio'");
        }
        try (TheusEngine engine = TheusEngine.builder().namespaces("portfolio").build()) {
            engine.edit(e -> e.set("portfolio.x", 1));
            assertThat(engine.state().getInt("portfolio.x")).isEqualTo(1);
        }
    }

    @Test
    void mutableValuesThatCannotBeFrozenAreRejectedNamingPathAndType() {
        try (TheusEngine engine = engine()) {
            assertThatThrownBy(() -> engine.edit(e -> e.set("domain.buffer", new int[] {1})))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("domain.buffer")
                    .hasMessageContaining("arrays are mutable");
            assertThatThrownBy(() -> engine.edit(e -> e.set("domain.sb", new StringBuilder("x"))))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("java.lang.StringBuilder");
            assertThatThrownBy(() -> engine.edit(e -> e.set("domain.m", Map.of(1, "x"))))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("key of type java.lang.Integer");
            assertThatThrownBy(() -> engine.edit(e -> e.set("domain.m", Map.of("a.b", "x"))))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("cannot be used as a path segment");
            assertThatThrownBy(() -> engine.edit(e -> e.set("domain.n", null)))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("remove the key instead");
            assertThat(engine.state().version()).isEqualTo(1);
        }
    }

    record Money(String currency, long cents) {
    }

    record Basket(List<Money> lines) {
    }

    record Leaky(java.util.ArrayList<String> list) {
    }

    @Test
    void recordsOfImmutableValuesAreStoredAsLeavesAndOthersAreRejected() {
        try (TheusEngine engine = engine()) {
            engine.edit(e -> e.set("domain.price", new Money("EUR", 1999)));
            engine.edit(e -> e.set("domain.basket", new Basket(List.of(new Money("EUR", 1)))));
            assertThat(engine.state().get("domain.price", Money.class)).isEqualTo(new Money("EUR", 1999));
            assertThatThrownBy(() -> engine.edit(e -> e.set("domain.leak",
                    new Leaky(new java.util.ArrayList<>(List.of("x"))))))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("domain.leak.list");
        }
    }

    @Test
    void immutableTypesCanBeVouchedFor() {
        final class Token {
        }
        try (TheusEngine engine = TheusEngine.builder().immutableTypes(Token.class).build()) {
            Token t = new Token();
            engine.edit(e -> e.set("domain.token", t));
            assertThat(engine.state().get("domain.token")).isSameAs(t);
        }
    }

    record Config(int maxCapacity) {
    }

    record Domain(List<String> items, int totalValue) {
    }

    record Context(Config global, Domain domain) {
    }

    @Test
    void initialContextCanBeTypedRecords() {
        try (TheusEngine engine = TheusEngine.builder()
                .initialState(new Context(new Config(500), new Domain(List.of("a"), 7))).build()) {
            assertThat(engine.state().getInt("global.maxCapacity")).isEqualTo(500);
            assertThat(engine.state().getList("domain.items")).containsExactly("a");
            assertThat(engine.state().version()).isEqualTo(1);
        }
    }
}
