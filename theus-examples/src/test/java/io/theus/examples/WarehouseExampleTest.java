package io.theus.examples;

import io.theus.TheusEngine;
import io.theus.examples.warehouse.WarehouseExample;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
                "restock needed:  true", "report:          2 items worth 1900");
    }

    @Test
    void restockSignalIsOffWhileThereIsRoom() {
        try (TheusEngine engine = WarehouseExample.newEngine(10)) {
            engine.register(io.theus.examples.warehouse.WarehouseProcesses.class);
            engine.execute("add_product", Map.of("product_name", "TV", "price", 500));
            assertThat(engine.state().get("domain.sig_restock_needed")).isEqualTo(false);
            assertThat(engine.state().getList("domain.items")).hasSize(1);
            assertThat(List.copyOf(engine.state().signals())).hasSize(1);
        }
    }
}
