package io.theus.examples.outbox;

import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import io.theus.outbox.DrainResult;
import io.theus.outbox.OutboxMessage;
import io.theus.outbox.OutboxPolicy;
import io.theus.outbox.OutboxRelay;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A tour of the outbox relay: drain, a failure that stays visible, requeue, and a background worker. */
public final class OutboxTour {
    private OutboxTour() {
    }

    /**
     * Runs the tour.
     *
     * @param out where to print
     * @return the engine after the run (close it)
     */
    public static TheusEngine run(PrintStream out) {
        // tag::policy[]
        TheusEngine engine = TheusEngine.builder()
                .initialState(Map.of("domain", Map.of("orders", List.of())))
                .outboxPolicy(new OutboxPolicy(1,   // attempts before a message is marked FAILED (default 10)
                        Duration.ofMillis(100),     // backoff after the first failure, doubling ...
                        Duration.ofMinutes(1),      // ... up to this
                        Duration.ofSeconds(30),     // lease: a claimed message not acknowledged by then is due again
                        Duration.ofSeconds(1)))     // an idle background worker looks at least this often
                .build();
        // end::policy[]
        engine.register(ProcessSpec.builder("place").outputs("domain.orders").param("id", String.class)
                .body((ctx, args) -> {
                    ctx.append("domain.orders", args.get("id"));
                    ctx.outbox("order.placed", args.get("id"));
                    return null;
                }).build());

        // tag::drain[]
        engine.execute("place", Map.of("id", "A-1"));
        DrainResult first = engine.outbox().drain(message -> {
            throw new IOException("broker unreachable");
        });
        OutboxMessage failed = engine.outbox().failed().get(0);  // kept, with its last error
        out.println(first + "; " + failed.payload() + " is " + failed.status() + ": " + failed.lastError());
        engine.outbox().requeue(failed.id());                    // back in line, due now
        DrainResult second = engine.outbox().drain(message -> out.println("delivered " + message.payload()
                + " (message " + message.id() + ", version " + message.version() + ")"));
        out.println(second + "; pending: " + engine.outbox().pending().size());
        // end::drain[]

        try {
            background(engine, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return engine;
    }

    private static void background(TheusEngine engine, PrintStream out) throws InterruptedException {
        // tag::worker[]
        CountDownLatch delivered = new CountDownLatch(2);
        try (OutboxRelay.Attachment worker = engine.outbox().attachWorker(message -> {
            out.println("worker delivered " + message.payload());     // e.g. broker.send(...)
            delivered.countDown();
        }, "order.placed")) {
            engine.execute("place", Map.of("id", "A-2"));           // the worker is woken by the commit
            engine.execute("place", Map.of("id", "A-3"));
            out.println("both delivered: " + delivered.await(30, TimeUnit.SECONDS)
                    + ", worker running: " + worker.isRunning());
        }                                                             // closing detaches the worker
        // end::worker[]
    }
}
