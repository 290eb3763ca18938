package io.theus.validation;

import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import io.theus.contract.ReturnMapping;
import io.theus.schema.FieldSpec;
import io.theus.schema.FieldType;
import io.theus.schema.Schema;
import io.theus.schema.SchemaViolation;
import io.theus.schema.SchemaViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BeanValidationTest {

    record Address(@NotBlank String city, @Pattern(regexp = "\\d{5}") String zip) {
    }

    record Customer(@NotBlank String name, @Min(0) int age, @Valid Address address, List<@NotBlank String> tags) {
    }

    private TheusEngine engine;

    @BeforeEach
    void setUp() {
        Schema schema = Schema.builder()
                .field("domain.customers", FieldSpec.of(FieldType.LIST).maxLen(100))
                .recordValidator(BeanValidation.recordValidator())
                .build();
        engine = TheusEngine.builder().schema(schema)
                .initialState(Map.of("domain", Map.of("customers", List.of()))).build();
        engine.register(ProcessSpec.builder("save").outputs("domain.customer").param("customer", Customer.class)
                .returns(ReturnMapping.AUTO).body((ctx, args) -> args.get("customer")).build());
        engine.register(ProcessSpec.builder("add").outputs("domain.customers").param("customer", Customer.class)
                .returns(ReturnMapping.RESULT).body((ctx, args) -> {
                    ctx.append("domain.customers", args.get("customer"));
                    return null;
                }).build());
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private static Customer valid() {
        return new Customer("Ann", 30, new Address("Lyon", "69001"), List.of("vip"));
    }

    @Test
    void aValidRecordIsCommitted() {
        engine.execute("save", Map.of("customer", valid()));
        assertThat(engine.state().get("domain.customer")).isEqualTo(valid());
    }

    @Test
    void constraintViolationsRejectTheCommitNamingPathValueAndConstraint() {
        long version = engine.state().version();
        Customer bad = new Customer(" ", -1, new Address("Lyon", "6900"), List.of("ok", ""));
        assertThatThrownBy(() -> engine.execute("save", Map.of("customer", bad)))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> assertThat(e.violations())
                        .containsExactly(
                                new SchemaViolation("domain.customer.address.zip", "6900",
                                        "@Pattern: must match \"\\d{5}\""),
                                new SchemaViolation("domain.customer.age", -1,
                                        "@Min: must be greater than or equal to 0"),
                                new SchemaViolation("domain.customer.name", " ", "@NotBlank: must not be blank"),
                                new SchemaViolation("domain.customer.tags.1", "", "@NotBlank: must not be blank")))
                .hasMessageContaining("'domain.customer.address.zip' = String \"6900\" violates @Pattern");
        assertThat(engine.state().version()).isEqualTo(version);
        assertThat(engine.state().get("domain.customer")).isNull();
    }

    @Test
    void recordsInsideWrittenListsAreValidatedOneByOne() {
        engine.execute("add", Map.of("customer", valid()));
        assertThatThrownBy(() -> engine.execute("add", Map.of("customer",
                new Customer("Bob", -2, new Address("Paris", "75001"), List.of()))))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> assertThat(e.violations())
                        .extracting(SchemaViolation::path).containsExactly("domain.customers.1.age"));
        assertThat(engine.state().getList("domain.customers")).hasSize(1);
    }

    @Test
    void noExpressionLanguageImplementationIsNeeded() {
        assertThatThrownBy(() -> Class.forName("jakarta.el.ExpressionFactory"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> engine.execute("save", Map.of("customer",
                new Customer("Ann", -5, new Address("Lyon", "69001"), List.of()))))
                .hasMessageContaining("must be greater than or equal to 0");
    }
}
