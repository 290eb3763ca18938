package io.theus.audit;

import io.theus.TheusEngine;
import io.theus.audit.AuditEntry.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.theus.audit.Warehouse.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The recipe of the warehouse chapter: price >= 0 at B (threshold 1), total_value <= 1e9 at S, items <= 5 at C. */
class WarehouseRecipeTest {
    private final Warehouse warehouse = new Warehouse();
    private TheusEngine engine;

    @BeforeEach
    void setUp() {
        engine = Warehouse.builder().audit(AuditRecipe.loadResource("io/theus/audit/warehouse_recipe.yaml")).build();
        engine.register(warehouse.addProduct());
    }

    @Test
    void negativePriceIsBlockedOnTheFirstViolationBeforeTheBodyRuns() {
        long version = engine.state().version();
        assertThatThrownBy(() -> engine.execute("add_product", product("TV", -5)))
                .isInstanceOfSatisfying(AuditBlockException.class, e -> {
                    assertThat(e.level()).isEqualTo(AuditLevel.B);
                    assertThat(e.key()).isEqualTo("add_product:input:price");
                    assertThat(e.process()).contains("add_product");
                })
                .hasMessageContaining("argument 'price' = Long -5 violates min 0 (price must not be negative)")
                .hasMessageContaining("count 1 of threshold_max 1");
        assertThat(warehouse.bodyRuns).hasValue(0);
        assertThat(engine.state().version()).isEqualTo(version);
        assertThat(engine.audit().count("add_product:input:price")).isZero();
        assertThat(engine.audit().entriesOf("add_product")).extracting(AuditEntry::kind)
                .containsExactly(Kind.VIOLATION, Kind.BLOCK);
    }

    @Test
    void totalValueAboveOneBillionStopsTheEngineUntilTheInterlockIsReset() {
        engine.execute("add_product", product("TV", 500));
        long version = engine.state().version();
        assertThatThrownBy(() -> engine.execute("add_product", product("Jet", 1_000_000_000L)))
                .isInstanceOf(AuditStopException.class)
                .hasMessageContaining("output 'domain.total_value' = Long 1000000500 violates max 1000000000 "
                        + "(warehouse value overflow)");
        assertThat(engine.state().version()).isEqualTo(version);
        assertThat(engine.state().getLong("domain.total_value")).isEqualTo(500);
        assertThat(engine.audit().interlocked()).isTrue();

        assertThatThrownBy(() -> engine.execute("add_product", product("Radio", 20)))
                .isInstanceOf(AuditInterlockException.class)
                .hasMessageContaining("interlocked")
                .hasMessageContaining("resetInterlock");
        assertThat(engine.state().version()).isEqualTo(version);

        engine.audit().resetInterlock("value corrected by the operator");
        engine.execute("add_product", product("Radio", 20));
        assertThat(engine.state().getLong("domain.total_value")).isEqualTo(520);
    }

    @Test
    void aSixthItemIsCommittedButCounted() {
        for (int i = 1; i <= 5; i++) {
            engine.execute("add_product", product("item" + i, 10));
        }
        assertThat(engine.audit().counters()).isEmpty();
        engine.execute("add_product", product("item6", 10));
        engine.execute("add_product", product("item7", 10));
        assertThat(engine.state().getList("domain.items")).hasSize(7);
        assertThat(engine.audit().count("add_product:output:domain.items")).isEqualTo(2);
        assertThat(engine.audit().entries(e -> e.kind() == Kind.VIOLATION)).hasSize(2)
                .allSatisfy(e -> assertThat(e.level()).isEqualTo(AuditLevel.C))
                .last().satisfies(e -> assertThat(e.message()).contains("violates max_len 5 (length 7)",
                        "more than 5 items in stock", "count 2"));
    }
}
