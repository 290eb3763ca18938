package io.theus.signal;

import io.theus.signal.internal.SignalRing;
import io.theus.signal.internal.TopicFilter;

import java.util.List;
import java.util.Objects;

/**
 * A broadcast hub on a bounded ring: every subscriber receives every message published after it subscribed (that
 * matches its topics), in publication order, exactly once. Each subscriber has its own cursor on the ring, so a
 * slow subscriber never slows a fast one.
 *
 * <p><b>Overflow.</b> The default policy, {@link OverflowPolicy#DROP_OLDEST}, is lossy for slow subscribers: a
 * publisher never waits for anyone. A subscriber that falls a whole ring ({@link #capacity()}) behind loses the
 * oldest messages it had not read; its next receive throws {@link SignalLagException} with the exact number lost,
 * and the one after continues from the oldest retained message. {@link OverflowPolicy#BLOCK_PUBLISHER} is
 * lossless instead: publishers wait for the slowest subscriber.
 *
 * <p><b>Closing.</b> {@link #close()} refuses further publishing and ends every subscriber: each receives what is
 * still retained, then gets a {@link SignalHubClosedException}.
 *
 * {@snippet :
 * try (SignalHub hub = SignalHub.builder().capacity(1024).build();
 *      Subscription orders = hub.subscribe("order.*")) {
 *     hub.publish("order.placed", "A-17");   // returns 1: one subscriber will see it
 *     Signal s = orders.recv();              // Signal[topic=order.placed, payload=A-17]
 * }
 * }
 *
 * <p>An engine owns one hub ({@code TheusEngine.signals()}): committed state signals are published on it after
 * their commit, in commit order.
 *
 * <p>Thread-safe: any number of threads may publish and subscribe concurrently. Payloads are shared with every
 * subscriber as they are, so they must be immutable (the engine freezes the payloads it publishes).
 */
public final class SignalHub implements AutoCloseable {
    private final SignalRing ring;

    SignalHub(int capacity, OverflowPolicy policy, WaitStrategy wait) {
        this.ring = new SignalRing(capacity, policy, wait);
    }

    /** {@return a builder (capacity 1024, {@link OverflowPolicy#DROP_OLDEST}, {@link WaitStrategy#spinThenPark()})} */
    public static SignalHubBuilder builder() {
        return new SignalHubBuilder();
    }

    /**
     * Publishes a message.
     *
     * @param topic the topic, not blank
     * @param payload an immutable payload, not {@code null}
     * @return how many open subscriptions match the topic (each will receive it unless it lags)
     * @throws SignalHubClosedException if the hub is closed
     */
    public int publish(String topic, Object payload) {
        return ring.publish(new Signal(topic, payload));
    }

    /**
     * Publishes a message.
     *
     * @param signal the message
     * @return how many open subscriptions match its topic
     * @throws SignalHubClosedException if the hub is closed
     */
    public int publish(Signal signal) {
        return ring.publish(Objects.requireNonNull(signal, "signal"));
    }

    /**
     * Publishes messages in order and adjacently: no other publisher's message falls between them.
     *
     * @param signals the messages
     * @throws SignalHubClosedException if the hub is closed
     */
    public void publishAll(List<Signal> signals) {
        ring.publishAll(List.copyOf(signals));
    }

    /**
     * Subscribes to every topic. The subscription receives what is published after this call returns.
     *
     * @return the subscription; close it when done
     * @throws SignalHubClosedException if the hub is closed
     */
    public Subscription subscribe() {
        return ring.subscribe(null);
    }

    /**
     * Subscribes to some topics: exact topics, or prefixes written with a trailing {@code *} ({@code order.*});
     * {@code *} alone means every topic.
     *
     * @param topics one or more topics or prefixes
     * @return the subscription; close it when done
     * @throws IllegalArgumentException if no topic is given, or one is blank or has a {@code *} before its end
     * @throws SignalHubClosedException if the hub is closed
     */
    public Subscription subscribe(String... topics) {
        return ring.subscribe(TopicFilter.of(topics));
    }

    /** {@return the number of open subscriptions} */
    public int subscriberCount() {
        return ring.subscriberCount();
    }

    /** {@return how many messages the ring holds; a subscriber further behind than this lags} */
    public int capacity() {
        return ring.capacity();
    }

    /** {@return what happens when a subscriber falls a whole ring behind} */
    public OverflowPolicy policy() {
        return ring.policy();
    }

    /** {@return how receivers wait} */
    public WaitStrategy waitStrategy() {
        return ring.waitStrategy();
    }

    /** {@return how many messages were published on this hub so far} */
    public long published() {
        return ring.tail();
    }

    /** {@return whether the hub is closed} */
    public boolean isClosed() {
        return ring.isClosed();
    }

    /** Closes the hub: publishing is refused; subscribers drain what is retained, then get a closed error. */
    @Override
    public void close() {
        ring.close();
    }

    @Override
    public String toString() {
        return "SignalHub[capacity=" + capacity() + ", policy=" + policy() + ", subscribers=" + subscriberCount()
                + ", published=" + published() + "]";
    }
}
