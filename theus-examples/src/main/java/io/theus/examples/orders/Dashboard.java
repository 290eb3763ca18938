package io.theus.examples.orders;

import io.theus.TheusEngine;
import io.theus.signal.Signal;
import io.theus.signal.SignalHubClosedException;
import io.theus.signal.SignalLagException;
import io.theus.signal.Subscription;
import io.theus.state.StateSnapshot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A live view of the shop that reacts to the engine's committed signals on its own virtual thread, the way a
 * dashboard or a websocket push would.
 *
 * <p>Thread-safe.
 */
public final class Dashboard implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition shown = lock.newCondition();
    private final Subscription signals;
    private final Thread thread;

    /**
     * Subscribes to order and low-stock signals and starts reacting to them.
     *
     * @param engine the engine to watch
     */
    // tag::dashboard[]
    public Dashboard(TheusEngine engine) {
        signals = engine.signals().subscribe("order.placed", "domain.sig_low_stock");
        thread = Thread.ofVirtual().name("dashboard").start(() -> {
            try {
                while (true) {
                    try {
                        Signal s = signals.recv();             // waits without burning a core
                        StateSnapshot state = engine.state();  // already contains the commit that emitted s
                        show(s.topic().equals("order.placed")
                                ? "order " + s.payload() + " placed; " + state.getList("domain.orders").size()
                                        + " order(s), revenue " + state.getInt("domain.revenue")
                                : "low stock: " + lowStock((Map<?, ?>) s.payload()));
                    } catch (SignalLagException e) {           // fell a whole ring behind: resync from state
                        show("missed " + e.missed() + " update(s); revenue "
                                + engine.state().getInt("domain.revenue"));
                    }
                }
            } catch (SignalHubClosedException | InterruptedException e) {
                // the engine closed, or the dashboard was closed: stop
            }
        });
    }
    // end::dashboard[]

    private static String lowStock(Map<?, ?> payload) {
        return payload.get("item") + " (" + payload.get("left") + " left)";
    }

    private void show(String line) {
        lock.lock();
        try {
            lines.add(line);
            shown.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** {@return what the dashboard has shown so far, in order} */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * Waits until the dashboard has shown a number of lines.
     *
     * @param count how many
     * @param timeoutSeconds how long to wait at most
     * @return whether it got there in time
     * @throws InterruptedException if interrupted
     */
    public boolean awaitLines(int count, long timeoutSeconds) throws InterruptedException {
        long left = TimeUnit.SECONDS.toNanos(timeoutSeconds);
        lock.lock();
        try {
            while (lines.size() < count) {
                if (left <= 0) {
                    return false;
                }
                left = shown.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the dashboard. */
    @Override
    public void close() {
        signals.close();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
