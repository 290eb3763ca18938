package io.theus.signal.internal;

import io.theus.signal.Signal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * The future of one {@link RingSubscription#recvAsync()}: a virtual thread waits for the next matching message and
 * completes the future with it.
 *
 * <p>A small state machine decides who owns the subscription's cursor: {@code WAITING} → {@code DELIVERING} (the
 * worker is reading; it then goes to {@code DONE}, or back to {@code WAITING} if it only stepped over messages of
 * other topics) or {@code WAITING} → {@code CANCELLED} (the user cancelled or completed the future; the worker
 * leaves without touching the cursor). So cancelling never consumes a message, and a cancel that loses the race
 * against a delivery returns {@code false}, as {@link CompletableFuture#cancel} promises.
 *
 * <p>Thread-safe.
 */
final class AsyncReceive extends CompletableFuture<Signal> {
    private static final int WAITING = 0;
    private static final int DELIVERING = 1;
    private static final int DONE = 2;
    private static final int CANCELLED = 3;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(AsyncReceive.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final RingSubscription sub;
    private volatile int state = WAITING;
    private Thread worker;

    AsyncReceive(RingSubscription sub) {
        this.sub = sub;
    }

    void start() {
        worker = Thread.ofVirtual().name("theus-signal-recv").unstarted(this::run);
        worker.start();
    }

    private void run() {
        try {
            while (sub.awaitReady(false, 0L, this)) {
                if (!STATE.compareAndSet(this, WAITING, DELIVERING)) {
                    return;
                }
                Signal s;
                try {
                    s = sub.receiveNow();
                } catch (RuntimeException e) {
                    finish();
                    super.completeExceptionally(e);
                    return;
                }
                if (s != null) {
                    finish();
                    super.complete(s);
                    return;
                }
                state = WAITING;
            }
        } catch (InterruptedException e) {
            if (STATE.compareAndSet(this, WAITING, DELIVERING)) {
                finish();
                super.completeExceptionally(e);
            }
        } finally {
            sub.asyncFinished(this);
        }
    }

    private void finish() {
        state = DONE;
        sub.asyncFinished(this);
    }

    boolean isCancelledByUser() {
        return state == CANCELLED;
    }

    void wakeWorker() {
        Thread t = worker;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Waits until the worker thread of a cancelled receive has left (it no longer touches the subscription). */
    void awaitWorkerExit() {
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean claimForUser() {
        if (STATE.compareAndSet(this, WAITING, CANCELLED)) {
            wakeWorker();
            return true;
        }
        return false;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return claimForUser() && super.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean complete(Signal value) {
        return claimForUser() && super.complete(value);
    }

    @Override
    public boolean completeExceptionally(Throwable ex) {
        return claimForUser() && super.completeExceptionally(ex);
    }
}
