package io.theus.signal.internal;

import io.theus.signal.OverflowPolicy;
import io.theus.signal.Signal;
import io.theus.signal.SignalHubClosedException;
import io.theus.signal.WaitStrategy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded broadcast ring behind {@code SignalHub}: many publishers, many subscribers, one cursor per subscriber.
 *
 * <p><b>Algorithm.</b> Publishers claim sequence numbers with one atomic add on {@code tail}; sequence {@code s}
 * lives in slot {@code s & mask}. Each slot has a stamp that tells which sequence it holds and whether it is being
 * written: {@code 2s+1} while sequence {@code s} is written, {@code 2s+2} once it is complete. A publisher of
 * {@code s} first waits until the slot holds {@code s - capacity} complete (only another publisher can be slower
 * than that, never a subscriber), stamps it "writing", stores the message and stamps it "done". A subscriber at
 * cursor {@code c} reads the stamp: equal to {@code 2c+2} means the message is there — it reads the message and
 * re-reads the stamp, and keeps the message only if the stamp did not move (a seqlock); lower means not yet
 * published; higher means a later lap overwrote it: the subscriber has been lapped. It then jumps to the oldest
 * retained sequence, {@code tail - capacity}, and reports exactly how many sequences it skipped. Every sequence is
 * therefore either delivered once, in order, or counted as missed once.
 *
 * <p>Under {@link OverflowPolicy#BLOCK_PUBLISHER} each subscriber also publishes its cursor, and a publisher of
 * {@code s} waits until every cursor is past {@code s - capacity} (cached as {@code gateCache}). A new subscriber is
 * registered at the current tail and then moved to the tail read after registration, so a publisher working from a
 * cache computed before the registration can only overwrite sequences the subscriber never asked for.
 *
 * <p><b>Waking.</b> Receivers that run out of spins register as waiters and park; after completing a slot, a
 * publisher reads the waiter count (a fenced read) and unparks registered receivers only if it is non-zero. The
 * volatile store of the stamp and the volatile increment of the waiter count order the two sides, so no wake-up is
 * lost.
 *
 * <p>Thread-safe. The subscriber registry is copy-on-write, changed under {@code registryLock}.
 */
public final class SignalRing extends RingFieldsEnd {
    private static final VarHandle TAIL;
    private static final VarHandle GATE_CACHE;
    private static final VarHandle WAITERS;
    private static final VarHandle STAMPS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle MESSAGES = MethodHandles.arrayElementVarHandle(Signal[].class);
    private static final long PUBLISHER_PARK_NANOS = 20_000;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(RingFields.class, "tail", long.class);
            GATE_CACHE = lookup.findVarHandle(RingFields.class, "gateCache", long.class);
            WAITERS = lookup.findVarHandle(RingFields.class, "waiters", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int capacity;
    final int mask;
    final boolean lossless;
    final WaitStrategy wait;
    private final OverflowPolicy policy;
    private final long[] stamps;
    private final Signal[] messages;
    private final Object registryLock = new Object();
    private volatile Registry registry = Registry.EMPTY;
    private volatile boolean closed;

    /**
     * Creates a ring.
     *
     * @param capacity slots, a power of two
     * @param policy what happens when a subscriber falls a ring behind
     * @param wait how receivers (and lossless publishers) wait
     */
    public SignalRing(int capacity, OverflowPolicy policy, WaitStrategy wait) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 2, was " + capacity);
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.policy = policy;
        this.lossless = policy == OverflowPolicy.BLOCK_PUBLISHER;
        this.wait = wait;
        this.stamps = new long[capacity];
        this.messages = new Signal[capacity];
        for (int i = 0; i < capacity; i++) {
            stamps[i] = done(i - capacity);
        }
        VarHandle.releaseFence();
    }

    static long writing(long sequence) {
        return (sequence << 1) + 1;
    }

    static long done(long sequence) {
        return (sequence << 1) + 2;
    }

    /** {@return the capacity} */
    public int capacity() {
        return capacity;
    }

    /** {@return the overflow policy} */
    public OverflowPolicy policy() {
        return policy;
    }

    /** {@return the wait strategy} */
    public WaitStrategy waitStrategy() {
        return wait;
    }

    /** {@return how many sequences have been claimed so far} */
    public long tail() {
        return (long) TAIL.getVolatile(this);
    }

    /** {@return whether the ring is closed} */
    public boolean isClosed() {
        return closed;
    }

    /** {@return the number of open subscriptions} */
    public int subscriberCount() {
        return registry.all.length;
    }

    // ---------------------------------------------------------------- publishing

    /**
     * Publishes one message.
     *
     * @param message the message
     * @return how many open subscriptions match its topic
     */
    public int publish(Signal message) {
        ensureOpen();
        long s = (long) TAIL.getAndAdd(this, 1L);
        write(s, message);
        wakeWaiters();
        return registry.count(message.topic());
    }

    /**
     * Publishes messages under adjacent sequences: no other publisher's message falls between them.
     *
     * @param batch the messages, in order
     */
    public void publishAll(List<Signal> batch) {
        int n = batch.size();
        if (n == 0) {
            return;
        }
        ensureOpen();
        long s = (long) TAIL.getAndAdd(this, (long) n);
        for (int k = 0; k < n; k++) {
            write(s + k, batch.get(k));
        }
        wakeWaiters();
    }

    private void write(long s, Signal message) {
        if (lossless) {
            awaitGate(s);
        }
        int i = (int) s & mask;
        long previous = done(s - capacity);
        if ((long) STAMPS.getAcquire(stamps, i) != previous) {
            awaitSlot(i, previous);
        }
        STAMPS.setOpaque(stamps, i, writing(s));
        VarHandle.storeStoreFence();
        MESSAGES.setOpaque(messages, i, message);
        STAMPS.setVolatile(stamps, i, done(s));
    }

    /** Waits until the slot holds the previous lap complete; only a slower publisher can hold it up. */
    private void awaitSlot(int i, long previous) {
        for (int idle = 0; (long) STAMPS.getAcquire(stamps, i) != previous; idle++) {
            publisherPause(idle);
        }
    }

    /** Lossless: waits until every subscriber has read sequence {@code s - capacity}. */
    private void awaitGate(long s) {
        long wrap = s - capacity;
        if (wrap < (long) GATE_CACHE.getOpaque(this)) {
            return;
        }
        for (int idle = 0; ; idle++) {
            long min = slowestCursor();
            GATE_CACHE.setOpaque(this, min);
            if (wrap < min) {
                return;
            }
            wakeWaiters(); // earlier messages of a batch are out; subscribers that sleep must read them
            publisherPause(idle);
        }
    }

    private long slowestCursor() {
        long min = tail();
        for (RingSubscription sub : registry.all) {
            min = Math.min(min, sub.gate());
        }
        return min;
    }

    private void publisherPause(int idle) {
        ensureOpen();
        if (idle < 128) {
            Thread.onSpinWait();
        } else if (idle < 256 || !wait.parks()) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(this, PUBLISHER_PARK_NANOS);
        }
    }

    private void wakeWaiters() {
        if ((int) WAITERS.getVolatile(this) != 0) {
            for (RingSubscription sub : registry.all) {
                sub.unparkWaiter();
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new SignalHubClosedException("the signal hub is closed; publishing is refused");
        }
    }

    // ---------------------------------------------------------------- reading (used by RingSubscription)

    long stampAcquire(int i) {
        return (long) STAMPS.getAcquire(stamps, i);
    }

    long stampOpaque(int i) {
        return (long) STAMPS.getOpaque(stamps, i);
    }

    long stampVolatile(int i) {
        return (long) STAMPS.getVolatile(stamps, i);
    }

    Signal messageOpaque(int i) {
        return (Signal) MESSAGES.getOpaque(messages, i);
    }

    void addWaiter(int delta) {
        WAITERS.getAndAdd(this, delta);
    }

    // ---------------------------------------------------------------- subscribers

    /**
     * Opens a subscription at the current tail.
     *
     * @param filter the topics it receives, or {@code null} for all
     * @return the subscription
     */
    public RingSubscription subscribe(TopicFilter filter) {
        synchronized (registryLock) {
            ensureOpen();
            RingSubscription sub = new RingSubscription(this, filter, tail());
            registry = registry.with(sub);
            sub.startAt(tail());
            return sub;
        }
    }

    void unsubscribe(RingSubscription sub) {
        synchronized (registryLock) {
            registry = registry.without(sub);
        }
    }

    /** Closes the ring: publishing is refused; subscribers drain what is retained, then get a closed error. */
    public void close() {
        Registry last;
        synchronized (registryLock) {
            if (closed) {
                return;
            }
            closed = true;
            last = registry;
            registry = Registry.EMPTY;
        }
        for (RingSubscription sub : last.all) {
            sub.unparkWaiter();
        }
    }

    /** The open subscriptions, copy-on-write; immutable. */
    private static final class Registry {
        static final Registry EMPTY = new Registry(new RingSubscription[0]);

        final RingSubscription[] all;
        final RingSubscription[] filtered;
        final int unfiltered;

        Registry(RingSubscription[] all) {
            this.all = all;
            this.filtered = Arrays.stream(all).filter(s -> s.filter() != null).toArray(RingSubscription[]::new);
            this.unfiltered = all.length - filtered.length;
        }

        Registry with(RingSubscription sub) {
            RingSubscription[] next = Arrays.copyOf(all, all.length + 1);
            next[all.length] = sub;
            return new Registry(next);
        }

        Registry without(RingSubscription sub) {
            RingSubscription[] next = Arrays.stream(all).filter(s -> s != sub).toArray(RingSubscription[]::new);
            return next.length == all.length ? this : new Registry(next);
        }

        int count(String topic) {
            int n = unfiltered;
            for (RingSubscription sub : filtered) {
                if (sub.filter().test(topic)) {
                    n++;
                }
            }
            return n;
        }
    }
}
