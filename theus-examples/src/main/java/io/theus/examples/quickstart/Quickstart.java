package io.theus.examples.quickstart;

import io.theus.TheusEngine;
import io.theus.contract.ProcessContext;
import io.theus.contract.TheusProcess;

import java.util.Map;

/** The README's quickstart, kept here so that a test compiles and runs it. */
public final class Quickstart {
    private Quickstart() {
    }

    // tag::quickstart[]
    @TheusProcess(inputs = "domain.counter", outputs = "domain.counter")
    static int increment(ProcessContext ctx, int by) {
        return ctx.getInt("domain.counter") + by;           // returned value -> the single output
    }

    public static void main(String[] args) {
        try (TheusEngine engine = TheusEngine.builder()
                .initialState(Map.of("domain", Map.of("counter", 0)))
                .build()) {
            engine.register(Quickstart.class);
            engine.execute("increment", Map.of("by", 5));    // a guarded, atomic transaction
            System.out.println(engine.state().getInt("domain.counter") + " at version " + engine.state().version());
        }
    }
    // end::quickstart[]
}
