package io.theus.examples.signals;

import io.theus.TheusEngine;
import io.theus.signal.OverflowPolicy;
import io.theus.signal.Signal;
import io.theus.signal.SignalHub;
import io.theus.signal.SignalHubClosedException;
import io.theus.signal.SignalLagException;
import io.theus.signal.Subscription;
import io.theus.signal.WaitStrategy;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A tour of the SignalHub on its own: topics, the receive methods, lag, and closing. */
public final class HubTour {
    private HubTour() {
    }

    /**
     * Runs the tour.
     *
     * @param out where to print
     * @return an engine (the tour ends by showing an engine's hub), to be closed by the caller
     */
    public static TheusEngine run(PrintStream out) {
        try {
            tour(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return engineTour(out);
    }

    private static void tour(PrintStream out) throws InterruptedException {
        // tag::hub[]
        SignalHub hub = SignalHub.builder()
                .capacity(8)                                   // a power of two; the default is 1024
                .overflowPolicy(OverflowPolicy.DROP_OLDEST)   // the default: publishers never wait
                .waitStrategy(WaitStrategy.spinThenPark())    // the default: idle receivers sleep
                .build();
        Subscription everything = hub.subscribe();
        Subscription orders = hub.subscribe("order.*", "alarm"); // exact topics and prefixes
        int receivers = hub.publish("order.placed", "A-1");      // 2: both subscriptions match
        hub.publish("stock.low", "widget");                     // only `everything` matches
        Signal first = orders.recv();                            // blocks until a message is there
        Signal none = orders.tryRecv();                          // null: never blocks
        Signal late = orders.poll(Duration.ofMillis(10));        // null after 10 ms
        CompletableFuture<Signal> next = orders.recvAsync();     // completes on the next match
        hub.publish("alarm", "fire");
        // end::hub[]
        out.println("published to " + receivers + "; orders got " + first.payload() + ", then " + none + ", "
                + late + ", then " + next.join().payload());

        // tag::lag[]
        for (int i = 0; i < 20; i++) {
            hub.publish("tick", i);                              // `everything` reads nothing meanwhile
        }
        try {
            everything.recv();
        } catch (SignalLagException e) {
            out.println("missed " + e.missed());                 // exact: the ring kept the newest 8
        }
        Signal oldest = everything.recv();                       // continues from the oldest retained
        // end::lag[]
        out.println("continued at " + oldest.payload() + " (" + everything.missed() + " missed in total)");

        // tag::close[]
        hub.publish("tick", "last");
        hub.close();                                             // publishing is refused from now on
        int drained = 0;
        try {
            while (true) {
                everything.recv();                               // what is retained is still delivered ...
                drained++;
            }
        } catch (SignalHubClosedException e) {
            out.println("drained " + drained + ", then: " + e.getMessage()); // ... then a closed error
        }
        // end::close[]
    }

    private static TheusEngine engineTour(PrintStream out) {
        TheusEngine engine = TheusEngine.builder().build();
        // tag::engine[]
        try (Subscription commands = engine.signals().subscribe("cmd_*")) {
            engine.edit(e -> e.set("signal.cmd_stop", "now"));    // a SIGNAL-zone write: topic "cmd_stop"
            Signal s = commands.tryRecv();                        // already published when edit returned
            out.println(s.topic() + " = " + s.payload() + ", latched on version " + engine.state().version()
                    + ": " + engine.state().get("signal.cmd_stop"));
        }
        // end::engine[]
        return engine;
    }
}
