package io.theus.examples.warehouse;

import io.theus.TheusEngine;
import io.theus.audit.AuditBlockException;
import io.theus.audit.AuditRecipe;
import io.theus.schema.Schema;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The seed's warehouse walk-through: set up the context, register {@code add_product}, execute it by reference and
 * by name, then read the state and the restock signal. The engine is audited with the chapter's recipe
 * ({@code audit_recipe.yaml}: negative prices blocked, a stock value over one billion stops the engine, more than
 * five items counted) and its context is guarded by a schema ({@code context_schema.yaml}).
 */
public final class WarehouseExample {
    private WarehouseExample() {
    }

    /**
     * Builds the warehouse engine with its initial context.
     *
     * @param maxCapacity how many items fit
     * @return a new engine (close it)
     */
    public static TheusEngine newEngine(int maxCapacity) {
        return TheusEngine.builder()
                .initialState(Map.of(
                        "global", Map.of("max_capacity", maxCapacity, "restock_margin", 1),
                        "domain", Map.of("items", List.of(), "total_value", 0)))
                .audit(AuditRecipe.loadResource("io/theus/examples/warehouse/audit_recipe.yaml"))
                .schema(Schema.loadResource("io/theus/examples/warehouse/context_schema.yaml"))
                .build();
    }

    /**
     * Runs the walk-through.
     *
     * @param out where to print
     * @return the engine after the run (close it)
     */
    public static TheusEngine run(PrintStream out) {
        TheusEngine engine = newEngine(3);
        engine.register(WarehouseProcesses.class);

        // by reference: arguments are checked by the compiler
        String result = engine.execute(WarehouseProcesses::addProduct, "Iphone", 1000);
        out.println(result + " Iphone -> version " + engine.state().version());

        // by name: arguments are bound by parameter name (snake_case works too)
        engine.execute("add_product", Map.of("product_name", "Galaxy", "price", 900));
        out.println("Added Galaxy -> version " + engine.state().version());

        out.println("items:           " + engine.state().getList("domain.items"));
        out.println("total_value:     " + engine.state().getInt("domain.total_value"));
        out.println("restock needed:  " + engine.state().get("domain.sig_restock_needed"));
        out.println("report:          " + engine.execute("stock_report"));

        // the audit recipe blocks a negative price before the process body runs (level B, threshold_max 1)
        try {
            engine.execute("add_product", Map.of("product_name", "Broken", "price", -1));
        } catch (AuditBlockException e) {
            out.println("refused:         " + e.getMessage());
        }
        out.println("still version:   " + engine.state().version());
        out.println("audit log:       " + engine.audit().entries().size() + " entries");
        return engine;
    }
}
