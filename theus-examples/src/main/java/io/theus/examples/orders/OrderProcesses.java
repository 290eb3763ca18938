package io.theus.examples.orders;

import io.theus.contract.ProcessContext;
import io.theus.contract.ReturnMapping;
import io.theus.contract.TheusProcess;

import java.util.Map;

/** An order pipeline step that both signals live dashboards and queues a confirmation e-mail in the outbox. */
public final class OrderProcesses {
    private OrderProcesses() {
    }

    /**
     * Places an order: records it, books the revenue, queues the confirmation and takes the items from stock. An order
     * the stock cannot cover is refused, and with it everything above — including the queued confirmation.
     *
     * @param ctx the guarded context
     * @param id the order id
     * @param item the item ordered
     * @param qty how many
     * @param price the unit price
     * @return the order id
     * @throws OutOfStockException if the stock cannot cover the order; nothing is committed, published or queued
     */
    // tag::place_order[]
    @TheusProcess(name = "place_order", inputs = "global.low_stock",
            outputs = {"domain.orders", "domain.revenue", "domain.stock", "domain.sig_low_stock"},
            errors = OutOfStockException.class, returns = ReturnMapping.RESULT)
    public static String placeOrder(ProcessContext ctx, String id, String item, int qty, int price) {
        ctx.append("domain.orders", Map.of("id", id, "item", item, "qty", qty));
        ctx.update("domain.revenue", Integer.class, revenue -> revenue + qty * price);
        ctx.outbox("order.placed", Map.of("id", id, "total", qty * price)); // e-mailed only if this commits
        ctx.emit("order.placed", id);                                      // published only if this commits
        int left = ctx.getInt("domain.stock." + item) - qty;
        if (left < 0) {
            throw new OutOfStockException(item, qty, left + qty);          // rolls back all of the above
        }
        ctx.set("domain.stock." + item, left);
        if (left <= ctx.getInt("global.low_stock")) {
            ctx.set("domain.sig_low_stock", Map.of("item", item, "left", left)); // a SIGNAL-zone write
        }
        return id;
    }
    // end::place_order[]
}
