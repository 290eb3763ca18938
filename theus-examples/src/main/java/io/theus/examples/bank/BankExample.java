package io.theus.examples.bank;

import io.theus.TheusEngine;

import java.io.PrintStream;
import java.util.Map;

/** Transfers between accounts, one of which fails and leaves no trace. */
public final class BankExample {
    private BankExample() {
    }

    /**
     * Runs the example.
     *
     * @param out where to print
     * @return the engine after the run (close it)
     */
    public static TheusEngine run(PrintStream out) {
        TheusEngine engine = TheusEngine.builder()
                .initialState(Map.of("domain", Map.of("accounts", Map.of(
                        "alice", Map.of("balance", 100L),
                        "bob", Map.of("balance", 20L)))))
                .build();
        engine.register(BankProcesses.class);

        engine.execute("transfer", Map.of("from", "alice", "to", "bob", "amount", 30));
        out.println("alice -> bob 30: alice=" + balance(engine, "alice") + " bob=" + balance(engine, "bob")
                + " (version " + engine.state().version() + ")");
        try {
            engine.execute("transfer", Map.of("from", "bob", "to", "alice", "amount", 500));
        } catch (InsufficientFundsException e) {
            out.println("bob -> alice 500 refused: " + e.getMessage());
        }
        out.println("after rollback: alice=" + balance(engine, "alice") + " bob=" + balance(engine, "bob")
                + " (version " + engine.state().version() + ")");
        return engine;
    }

    private static long balance(TheusEngine engine, String account) {
        return engine.state().getLong("domain.accounts." + account + ".balance");
    }
}
