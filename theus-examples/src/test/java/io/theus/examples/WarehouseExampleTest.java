package io.theus.examples;

import io.theus.TheusEngine;
import io.theus.audit.AuditBlockException;
import io.theus.audit.AuditEntry;
import io.theus.audit.AuditInterlockException;
import io.theus.audit.AuditLevel;
import io.theus.audit.AuditStopException;
import io.theus.examples.warehouse.WarehouseExample;
import io.theus.examples.warehouse.WarehouseProcesses;
import io.theus.schema.SchemaViolationException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseExampleTest {

    @Test
    void walkThroughAddsTwoProductsByReferenceAndByNameAndRaisesTheRestockSignal() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TheusEngine engine = WarehouseExample.run(new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(engine.state().version()).isEqualTo(3);
            assertThat(engine.state().getList("domain.items")).containsExactly(
                    Map.of("name", "Iphone", "price", 1000), Map.of("name", "Galaxy", "price", 900));
            assertThat(engine.state().getInt("domain.total_value")).isEqualTo(1900);
            assertThat(engine.state().get("domain.sig_restock_needed")).isEqualTo(true);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Added Iphone -> version 2", "total_value:     1900",
                "restock needed:  true", "report:          2 items worth 1900",
                "refused:         process 'add_product': argument 'price' = Integer -1 violates min 0 (price must "
                        + "not be negative)", "still version:   3");
    }

    private static TheusEngine warehouse(int capacity) {
        TheusEngine engine = WarehouseExample.newEngine(capacity);
        engine.register(WarehouseProcesses.class);
        return engine;
    }

    private static void add(TheusEngine engine, String name, int price) {
        engine.execute("add_product", Map.of("product_name", name, "price", price));
    }

    @Test
    void recipeBlocksANegativePriceBeforeTheProcessRuns() {
        try (TheusEngine engine = warehouse(10)) {
            assertThatThrownBy(() -> add(engine, "TV", -500)).isInstanceOf(AuditBlockException.class);
            assertThat(engine.state().version()).isEqualTo(1);
            assertThat(engine.state().getList("domain.items")).isEmpty();
            assertThat(engine.audit().count("add_product:input:price")).isZero();
        }
    }

    @Test
    void recipeStopsTheEngineWhenTheStockValueOverflowsOneBillion() {
        try (TheusEngine engine = warehouse(10)) {
            add(engine, "TV", 500);
            assertThatThrownBy(() -> add(engine, "Jet", 1_000_000_000)).isInstanceOf(AuditStopException.class);
            assertThat(engine.state().getInt("domain.total_value")).isEqualTo(500);
            assertThatThrownBy(() -> add(engine, "Radio", 20)).isInstanceOf(AuditInterlockException.class);
            engine.audit().resetInterlock("jet removed from the order book");
            add(engine, "Radio", 20);
            assertThat(engine.state().getInt("domain.total_value")).isEqualTo(520);
        }
    }

    @Test
    void recipeCountsAStockOfMoreThanFiveItems() {
        try (TheusEngine engine = warehouse(20)) {
            for (int i = 1; i <= 6; i++) {
                add(engine, "item" + i, 10);
            }
            assertThat(engine.state().getList("domain.items")).hasSize(6);
            assertThat(engine.audit().count("add_product:output:domain.items")).isEqualTo(1);
            assertThat(engine.audit().entries(e -> e.kind() == AuditEntry.Kind.VIOLATION)).singleElement()
                    .extracting(AuditEntry::level).isEqualTo(AuditLevel.C);
        }
    }

    @Test
    void schemaRefusesAnOwnerEditThatBreaksTheContextTypes() {
        try (TheusEngine engine = warehouse(10)) {
            assertThatThrownBy(() -> engine.edit(e -> e.set("domain.total_value", "a lot")))
                    .isInstanceOf(SchemaViolationException.class).hasMessageContaining("violates type integer");
            assertThat(engine.state().getInt("domain.total_value")).isZero();
        }
    }

    @Test
    void restockSignalIsOffWhileThereIsRoom() {
        try (TheusEngine engine = WarehouseExample.newEngine(10)) {
            engine.register(WarehouseProcesses.class);
            engine.execute("add_product", Map.of("product_name", "TV", "price", 500));
            assertThat(engine.state().get("domain.sig_restock_needed")).isEqualTo(false);
            assertThat(engine.state().getList("domain.items")).hasSize(1);
            assertThat(List.copyOf(engine.state().signals())).hasSize(1);
        }
    }
}
