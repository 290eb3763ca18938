package io.theus.signal.internal;

import io.theus.TheusException;
import io.theus.signal.Signal;
import io.theus.signal.SignalHubClosedException;
import io.theus.signal.SignalLagException;
import io.theus.signal.Subscription;
import io.theus.signal.WaitStrategy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * A subscriber's cursor on a {@link SignalRing}. See the ring's class comment for the read protocol; this class adds
 * topic filtering (non-matching messages are stepped over), lag reporting, waiting and asynchronous receives.
 *
 * <p>Receiving is confined to one thread at a time (the owner, or the virtual thread of an outstanding
 * {@link #recvAsync()}); {@code cursor} and {@code missed} are written only by that thread. {@link #close()} may be
 * called from any thread.
 */
public final class RingSubscription implements Subscription {
    private static final VarHandle GATE;
    private static final VarHandle WAITER;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            GATE = lookup.findVarHandle(RingSubscription.class, "gate", long.class);
            WAITER = lookup.findVarHandle(RingSubscription.class, "waiter", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SignalRing ring;
    private final TopicFilter filter;
    /** Next sequence to read. Written only by the receiving thread. */
    private long cursor;
    /** The cursor as publishers see it (lossless gating). */
    private volatile long gate;
    private volatile long missed;
    private volatile Thread waiter;
    private volatile boolean closed;
    private volatile AsyncReceive async;

    RingSubscription(SignalRing ring, TopicFilter filter, long start) {
        this.ring = ring;
        this.filter = filter;
        this.cursor = start;
        this.gate = start;
    }

    void startAt(long start) {
        cursor = start;
        GATE.setRelease(this, start);
    }

    TopicFilter filter() {
        return filter;
    }

    long gate() {
        return (long) GATE.getAcquire(this);
    }

    void unparkWaiter() {
        Thread t = waiter;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    // ---------------------------------------------------------------- receiving

    @Override
    public Signal recv() throws InterruptedException {
        checkOwner();
        return receive(false, 0L, null);
    }

    @Override
    public Signal poll(Duration timeout) throws InterruptedException {
        checkOwner();
        long nanos = timeout.compareTo(Duration.ofDays(365)) > 0 ? -1L : timeout.toNanos();
        if (nanos == 0 || timeout.isNegative()) {
            return tryRecv();
        }
        return nanos < 0 ? receive(false, 0L, null) : receive(true, System.nanoTime() + nanos, null);
    }

    @Override
    public Signal tryRecv() {
        checkOwner();
        Signal s = next();
        return s != null ? s : afterEmpty();
    }

    @Override
    public CompletableFuture<Signal> recvAsync() {
        checkOwner();
        Signal s;
        try {
            s = next();
            if (s == null) {
                s = afterEmpty();
            }
        } catch (TheusException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (s != null) {
            return CompletableFuture.completedFuture(s);
        }
        AsyncReceive a = new AsyncReceive(this);
        async = a;
        a.start();
        return a;
    }

    /**
     * Receives with waiting.
     *
     * @return the message, or {@code null} on timeout or when {@code stop} was cancelled
     */
    Signal receive(boolean timed, long deadline, AsyncReceive stop) throws InterruptedException {
        while (true) {
            Signal s = next();
            if (s == null) {
                s = afterEmpty();
            }
            if (s != null) {
                return s;
            }
            if (!awaitReady(timed, deadline, stop)) {
                return null;
            }
        }
    }

    /** Reads without waiting, for the worker of an asynchronous receive: a message, {@code null}, or an error. */
    Signal receiveNow() {
        Signal s = next();
        return s != null ? s : afterEmpty();
    }

    /** When nothing is available: on a closed hub, read once more (a publish may have just completed) or fail. */
    private Signal afterEmpty() {
        if (!ring.isClosed()) {
            return null;
        }
        Signal s = next();
        if (s == null) {
            throw new SignalHubClosedException("the signal hub is closed and this subscription has read every"
                    + " retained message");
        }
        return s;
    }

    /**
     * Reads the next matching message without waiting.
     *
     * @return the message, or {@code null} if none is published yet
     */
    Signal next() {
        if (closed) {
            throw new SignalHubClosedException("this subscription is closed; receiving is refused");
        }
        long c = cursor;
        while (true) {
            int i = (int) c & ring.mask;
            long done = SignalRing.done(c);
            long stamp = ring.stampAcquire(i);
            if (stamp == done) {
                Signal m = ring.messageOpaque(i);
                VarHandle.loadLoadFence();
                if (ring.stampOpaque(i) == done) {
                    c++;
                    if (filter == null || filter.test(m.topic())) {
                        advance(c);
                        return m;
                    }
                    continue;
                }
            } else if (stamp < done) {
                if (c != cursor) {
                    advance(c);
                }
                return null;
            }
            throw lapped(c);
        }
    }

    /** Moves past the overwritten sequences to the oldest retained one and reports exactly how many were lost. */
    private SignalLagException lapped(long from) {
        long c = from;
        long lost = 0;
        do {
            long oldest = ring.tail() - ring.capacity;
            lost += oldest - c;
            c = oldest;
        } while (ring.stampAcquire((int) c & ring.mask) > SignalRing.done(c));
        advance(c);
        missed += lost;
        return new SignalLagException(lost, ring.capacity);
    }

    private void advance(long c) {
        cursor = c;
        if (ring.lossless) {
            GATE.setRelease(this, c);
        }
    }

    /** Whether a read at the cursor may return something (a message, a lag, or a closed error). */
    private boolean ready() {
        long c = cursor;
        return ring.stampVolatile((int) c & ring.mask) >= SignalRing.done(c) || closed || ring.isClosed();
    }

    /**
     * Waits per the wait strategy until {@link #ready()}.
     *
     * @return {@code false} on timeout or cancellation of {@code stop}
     */
    boolean awaitReady(boolean timed, long deadline, AsyncReceive stop) throws InterruptedException {
        WaitStrategy w = ring.wait;
        long spinsAndYields = (long) w.spins() + w.yields();
        for (long idle = 0; ; idle++) {
            if (ready()) {
                return true;
            }
            if (stop != null && stop.isCancelledByUser()) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for a signal");
            }
            long remaining = timed ? deadline - System.nanoTime() : 0L;
            if (timed && remaining <= 0) {
                return false;
            }
            if (idle < w.spins()) {
                Thread.onSpinWait();
            } else if (idle < spinsAndYields || (!w.parks() && w.yields() > 0)) {
                Thread.yield();
            } else if (w.parks()) {
                park(timed, remaining);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private void park(boolean timed, long nanos) {
        Thread me = Thread.currentThread();
        waiter = me;
        ring.addWaiter(1);
        try {
            if (!ready()) {
                if (timed) {
                    LockSupport.parkNanos(this, nanos);
                } else {
                    LockSupport.park(this);
                }
            }
        } finally {
            ring.addWaiter(-1);
            WAITER.compareAndSet(this, me, null);
        }
    }

    // ---------------------------------------------------------------- asynchronous receives

    private void checkOwner() {
        AsyncReceive a = async;
        if (a != null) {
            if (!a.isCancelledByUser()) {
                throw new IllegalStateException("a recvAsync() is outstanding on this subscription; wait for its"
                        + " future (or cancel it) before receiving again");
            }
            a.awaitWorkerExit();
        }
    }

    /** Called by the worker of an asynchronous receive before it completes its future or gives up. */
    void asyncFinished(AsyncReceive a) {
        if (async == a) {
            async = null;
        }
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public long missed() {
        return missed;
    }

    @Override
    public boolean isClosed() {
        return closed || ring.isClosed();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ring.unsubscribe(this);
        unparkWaiter();
        AsyncReceive a = async;
        if (a != null) {
            a.wakeWorker();
        }
    }
}
