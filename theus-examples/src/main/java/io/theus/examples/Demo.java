package io.theus.examples;

import io.theus.TheusEngine;
import io.theus.examples.agent.AgentExample;
import io.theus.examples.bank.BankExample;
import io.theus.examples.orders.OrdersExample;
import io.theus.examples.outbox.OutboxTour;
import io.theus.examples.quickstart.Quickstart;
import io.theus.examples.signals.HubTour;
import io.theus.examples.warehouse.WarehouseExample;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Entry point of the runnable examples jar: {@code java -jar theus-examples-demo.jar [name]}. */
public final class Demo {
    private static final Map<String, Function<PrintStream, TheusEngine>> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("warehouse", WarehouseExample::run);
        EXAMPLES.put("bank", BankExample::run);
        EXAMPLES.put("orders", OrdersExample::run);
        EXAMPLES.put("signals", HubTour::run);
        EXAMPLES.put("outbox", OutboxTour::run);
        EXAMPLES.put("agent", AgentExample::run);
    }

    private Demo() {
    }

    /**
     * Runs an example.
     *
     * @param args the example name (default {@code warehouse}), {@code quickstart}, or {@code --list}
     */
    public static void main(String[] args) {
        String name = args.length == 0 ? "warehouse" : args[0];
        if (name.equals("--list")) {
            System.out.println("examples: " + String.join(", ", EXAMPLES.keySet()) + ", quickstart");
            return;
        }
        if (name.equals("quickstart")) {
            Quickstart.main(new String[0]);
            return;
        }
        Function<PrintStream, TheusEngine> example = EXAMPLES.get(name);
        if (example == null) {
            System.err.println("unknown example '" + name + "'; try one of " + EXAMPLES.keySet() + " or quickstart");
            System.exit(2);
        }
        System.out.println("== Theus example: " + name + " ==");
        try (TheusEngine engine = example.apply(System.out)) {
            System.out.println("final state version: " + engine.state().version());
        }
    }
}
