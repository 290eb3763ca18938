package io.theus.examples;

import io.theus.TheusEngine;
import io.theus.examples.orders.OrdersExample;
import io.theus.examples.orders.OutOfStockException;
import io.theus.signal.Signal;
import io.theus.signal.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OrdersExampleTest {

    private static String run(java.util.function.Consumer<TheusEngine> more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TheusEngine engine = OrdersExample.run(new PrintStream(out, true, StandardCharsets.UTF_8))) {
            more.accept(engine);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onlyCommittedOrdersAreSignalledAndConfirmedByMail() {
        String out = run(engine -> {
            assertThat(engine.state().getList("domain.orders").stream().map(o -> (Object) ((Map<?, ?>) o).get("id")))
                    .containsExactly("A-1", "A-3");
            assertThat(engine.state().getInt("domain.revenue")).isEqualTo(230);
            assertThat(engine.outbox().pending()).isEmpty();
        });
        assertThat(out).contains("refused A-2: only 1 gadget(s) in stock, 2 ordered");
        List<String> dashboard = out.lines().filter(l -> l.startsWith("dashboard: ")).toList();
        assertThat(dashboard).hasSize(4);
        assertThat(dashboard.get(0)).startsWith("dashboard: order A-1 placed; ");
        assertThat(dashboard.get(1)).isEqualTo("dashboard: low stock: widget (2 left)");
        assertThat(dashboard.get(2)).startsWith("dashboard: order A-3 placed; 2 order(s), revenue 230");
        assertThat(dashboard.get(3)).isEqualTo("dashboard: low stock: gadget (0 left)");
        assertThat(out).doesNotContain("order A-2");
        assertThat(out.lines().filter(l -> l.startsWith("mailer: sent confirmation for order ")))
                .extracting(l -> l.substring("mailer: sent confirmation for order ".length(), l.indexOf(" (")))
                .containsExactlyInAnyOrder("A-1", "A-3");
        assertThat(out).contains("mail server busy); will retry", "outbox: 0 message(s) pending");
    }

    @Test
    void aRefusedOrderLeavesNoSignalAndNoOutboxMessage() throws InterruptedException {
        run(engine -> {
            try (Subscription sub = engine.signals().subscribe()) {
                long version = engine.state().version();
                assertThatThrownBy(() -> engine.execute("place_order",
                        Map.of("id", "B-1", "item", "gadget", "qty", 1, "price", 80)))
                        .isInstanceOf(OutOfStockException.class);
                assertThat(sub.tryRecv()).isNull();
                assertThat(engine.outbox().pending()).isEmpty();
                assertThat(engine.state().version()).isEqualTo(version);
                engine.execute("place_order", Map.of("id", "B-2", "item", "widget", "qty", 1, "price", 50));
                assertThat(sub.tryRecv()).isEqualTo(new Signal("order.placed", "B-2"));
                assertThat(engine.outbox().pending().stream().map(m -> (Object) ((Map<?, ?>) m.payload()).get("id")))
                        .containsExactly("B-2");
            }
        });
    }
}
