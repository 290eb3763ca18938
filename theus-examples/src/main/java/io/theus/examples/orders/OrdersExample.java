package io.theus.examples.orders;

import io.theus.TheusEngine;
import io.theus.outbox.OutboxPolicy;
import io.theus.outbox.OutboxRelay;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Orders that signal a live dashboard and queue confirmation e-mails through the transactional outbox. Three orders
 * are placed; the second cannot be covered by the stock and is refused, so its signal is never published and its
 * e-mail never queued. The dashboard reacts to the committed orders' signals on its own thread; the outbox relay
 * delivers exactly the committed orders' confirmations, retrying once when the mail server is busy.
 */
public final class OrdersExample {
    private OrdersExample() {
    }

    /**
     * Runs the example.
     *
     * @param out where to print
     * @return the engine after the run (close it)
     */
    public static TheusEngine run(PrintStream out) {
        TheusEngine engine = TheusEngine.builder()
                .initialState(Map.of("global", Map.of("low_stock", 2),
                        "domain", Map.of("orders", List.of(), "revenue", 0,
                                "stock", Map.of("widget", 5, "gadget", 1))))
                .outboxPolicy(new OutboxPolicy(5, Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofSeconds(30),
                        Duration.ofSeconds(1)))
                .build();
        engine.register(OrderProcesses.class);
        Mailer mailer = new Mailer(2);
        try (Dashboard dashboard = new Dashboard(engine);
             OutboxRelay.Attachment mail = engine.outbox().attachWorker(mailer, "order.placed")) {
            place(engine, out, "A-1", "widget", 3, 50);
            place(engine, out, "A-2", "gadget", 2, 80);
            place(engine, out, "A-3", "gadget", 1, 80);
            if (!dashboard.awaitLines(4, 30) || !mailer.awaitSent(30) || !mail.isRunning()) {
                throw new IllegalStateException("the dashboard or the mailer did not keep up");
            }
            dashboard.lines().forEach(line -> out.println("dashboard: " + line));
            mailer.log().forEach(line -> out.println("mailer: " + line));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("outbox: " + engine.outbox().pending().size() + " message(s) pending; stock "
                + engine.state().getMap("domain.stock") + ", revenue " + engine.state().getInt("domain.revenue"));
        return engine;
    }

    private static void place(TheusEngine engine, PrintStream out, String id, String item, int qty, int price) {
        try {
            engine.execute("place_order", Map.of("id", id, "item", item, "qty", qty, "price", price));
            out.println("placed " + id + ": " + qty + " x " + item + " (version " + engine.state().version() + ")");
        } catch (OutOfStockException e) {
            out.println("refused " + id + ": " + e.getMessage() + "; nothing committed, signalled or queued");
        }
    }
}
