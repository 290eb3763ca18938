package io.theus.examples.warehouse;

import io.theus.contract.ProcessContext;
import io.theus.contract.Semantic;
import io.theus.contract.TheusProcess;

import java.util.Map;

/**
 * The processes of the warehouse walk-through (the seed tutorial's chapter 4), ported to Java. Each method declares
 * what it reads and writes; the engine runs it as an atomic, guarded transaction.
 */
public final class WarehouseProcesses {
    private WarehouseProcesses() {
    }

    /**
     * Adds a product to the stock and raises the restock signal when the warehouse is nearly full.
     *
     * @param ctx the guarded context
     * @param productName the product
     * @param price its price
     * @return {@code "Added"}
     */
    @TheusProcess(name = "add_product",
            inputs = {"global.max_capacity", "global.restock_margin"},
            outputs = {"domain.items", "domain.total_value", "domain.sig_restock_needed"})
    public static String addProduct(ProcessContext ctx, String productName, int price) {
        ctx.append("domain.items", Map.of("name", productName, "price", price));
        ctx.update("domain.total_value", Integer.class, total -> total + price);
        int free = ctx.getInt("global.max_capacity") - ctx.getList("domain.items").size();
        ctx.set("domain.sig_restock_needed", free <= ctx.getInt("global.restock_margin"));
        return "Added";
    }

    /**
     * Reports the stock without changing anything.
     *
     * @param ctx the guarded (read-only) context
     * @return a one-line summary
     */
    @TheusProcess(name = "stock_report", inputs = {"domain.items", "domain.total_value"},
            semantic = Semantic.PURE)
    public static String stockReport(ProcessContext ctx) {
        return ctx.getList("domain.items").size() + " items worth " + ctx.getInt("domain.total_value");
    }
}
