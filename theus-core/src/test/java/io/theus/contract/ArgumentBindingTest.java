package io.theus.contract;

import io.theus.ArgumentBindingException;
import io.theus.TheusEngine;
import io.theus.contract.fixtures.CounterProcesses;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgumentBindingTest {

    enum Color { RED, GREEN }

    private static TheusEngine engine() {
        TheusEngine engine = TheusEngine.builder().initialState(Map.of("domain", Map.of("counter", 0))).build();
        engine.register(CounterProcesses.class);
        engine.register(ProcessSpec.builder("typed").returns(ReturnMapping.RESULT)
                .param("count", long.class).param("ratio", double.class).param("price", BigDecimal.class)
                .param("color", Color.class).optionalParam("tag", String.class)
                .body((ctx, args) -> args.asMap()).build());
        return engine;
    }

    @Test
    void argumentsBindByParameterNameOrItsSnakeCaseForm() {
        try (TheusEngine engine = engine()) {
            assertThat(engine.execute("label", Map.of("labelText", "a"))).isEqualTo("a");
            assertThat(engine.execute("label", Map.of("label_text", "b", "note", "n"))).isEqualTo("b (n)");
        }
    }

    @Test
    void missingRequiredArgumentIsAnError() {
        try (TheusEngine engine = engine()) {
            assertThatThrownBy(() -> engine.execute("increment", Map.of()))
                    .isInstanceOfSatisfying(ArgumentBindingException.class,
                            e -> assertThat(e.argument()).contains("by"))
                    .hasMessageContaining("process 'increment' is missing required argument 'by' (int)");
        }
    }

    @Test
    void unknownArgumentIsAnErrorNotSilentlyDropped() {
        try (TheusEngine engine = engine()) {
            assertThatThrownBy(() -> engine.execute("increment", Map.of("by", 1, "bye", 2)))
                    .isInstanceOf(ArgumentBindingException.class)
                    .hasMessageContaining("has no parameter 'bye'; its parameters are [by]");
            assertThat(engine.state().getInt("domain.counter")).isZero();
        }
    }

    @Test
    void mistypedArgumentIsAnErrorNamingTheValue() {
        try (TheusEngine engine = engine()) {
            assertThatThrownBy(() -> engine.execute("increment", Map.of("by", "five")))
                    .isInstanceOf(ArgumentBindingException.class)
                    .hasMessageContaining("argument 'by' of process 'increment' must be int, got String \"five\"");
            assertThatThrownBy(() -> engine.execute("increment", Map.of("by", 3_000_000_000L)))
                    .isInstanceOf(ArgumentBindingException.class).hasMessageContaining("must be int");
            assertThatThrownBy(() -> engine.execute("increment", Map.of("by", 1.5)))
                    .isInstanceOf(ArgumentBindingException.class);
        }
    }

    @Test
    void sameArgumentGivenInBothFormsIsAnError() {
        try (TheusEngine engine = engine()) {
            assertThatThrownBy(() -> engine.execute("label", Map.of("labelText", "a", "label_text", "b")))
                    .isInstanceOf(ArgumentBindingException.class).hasMessageContaining("given twice");
        }
    }

    @Test
    void compatibleTypesAreConvertedWithoutLoss() {
        try (TheusEngine engine = engine()) {
            Object result = engine.execute("typed", Map.of("count", 7, "ratio", 2, "price", 19.99, "color", "GREEN"));
            assertThat(result).isEqualTo(Map.of("count", 7L, "ratio", 2.0, "price", new BigDecimal("19.99"),
                    "color", Color.GREEN));
            assertThat(engine.execute("increment", Map.of("by", 4L))).isEqualTo(4);
        }
    }

    @Test
    void optionalArgumentsMayBeOmittedAndExplicitNullCountsAsOmitted() {
        try (TheusEngine engine = engine()) {
            Map<String, Object> args = new HashMap<>();
            args.put("label_text", "x");
            args.put("note", null);
            assertThat(engine.execute("label", args)).isEqualTo("x");
            Map<String, Object> nullRequired = new HashMap<>();
            nullRequired.put("by", null);
            assertThatThrownBy(() -> engine.execute("increment", nullRequired))
                    .isInstanceOf(ArgumentBindingException.class).hasMessageContaining("missing required");
        }
    }

    @Test
    void typedExecuteConvertsTheResult() {
        try (TheusEngine engine = engine()) {
            Long value = engine.execute("increment", Map.of("by", 2), Long.class);
            assertThat(value).isEqualTo(2L);
            assertThatThrownBy(() -> engine.execute("label", Map.of("labelText", "a"), Integer.class))
                    .isInstanceOf(io.theus.ReturnMappingException.class).hasMessageContaining("not convertible");
        }
    }
}
