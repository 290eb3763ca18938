package io.theus.signal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One subscriber's cursor on a {@link SignalHub}: it receives, in publication order and exactly once, every message
 * published after it subscribed that matches its topics — unless it falls a whole ring behind under
 * {@link OverflowPolicy#DROP_OLDEST}, in which case one receive throws {@link SignalLagException} with the exact
 * number missed and the next continues from the oldest retained message. Once the hub is closed, receives return
 * what is still retained and then throw {@link SignalHubClosedException}.
 *
 * {@snippet :
 * try (Subscription sub = hub.subscribe("order.*")) {
 *     Signal next = sub.recv();                       // blocks until a matching message arrives
 *     Signal maybe = sub.poll(Duration.ofMillis(50)); // null after 50 ms without one
 * }
 * }
 *
 * <p>Not thread-safe for receiving: one thread receives at a time (a single consumer). While a
 * {@link #recvAsync()} is outstanding, the other receive methods throw {@link IllegalStateException}. {@link #close()}
 * and {@link #isClosed()} may be called from any thread; closing wakes a blocked receiver.
 */
public interface Subscription extends AutoCloseable {

    /**
     * Receives the next matching message, waiting as long as it takes.
     *
     * @return the message
     * @throws SignalLagException if messages were lost since the last receive (the next receive continues)
     * @throws SignalHubClosedException if the hub or this subscription is closed and nothing is left to read
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    Signal recv() throws InterruptedException;

    /**
     * Receives the next matching message, waiting at most a timeout.
     *
     * @param timeout how long to wait; zero or negative means do not wait
     * @return the message, or {@code null} if none arrived in time
     * @throws SignalLagException if messages were lost since the last receive
     * @throws SignalHubClosedException if the hub or this subscription is closed and nothing is left to read
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    Signal poll(Duration timeout) throws InterruptedException;

    /**
     * Receives the next matching message if one is already there; never blocks.
     *
     * @return the message, or {@code null} if none is available
     * @throws SignalLagException if messages were lost since the last receive
     * @throws SignalHubClosedException if the hub or this subscription is closed and nothing is left to read
     */
    Signal tryRecv();

    /**
     * Receives the next matching message asynchronously: the future completes with it, or exceptionally with
     * {@link SignalLagException} or {@link SignalHubClosedException}. If a message is already there the future is
     * already complete; otherwise a virtual thread waits for one. Cancelling the future before it completes gives the
     * subscription back without consuming anything.
     *
     * @return the future message
     * @throws IllegalStateException if another asynchronous receive is outstanding
     */
    CompletableFuture<Signal> recvAsync();

    /** {@return how many messages this subscription has missed in total (lag), over its lifetime} */
    long missed();

    /** {@return whether this subscription or its hub is closed} */
    boolean isClosed();

    /** Ends the subscription: it stops holding back anything and later receives throw. Idempotent. */
    @Override
    void close();
}
