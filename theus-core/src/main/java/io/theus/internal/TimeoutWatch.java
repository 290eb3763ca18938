package io.theus.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Interrupts the thread running a process once the write timeout has elapsed (T6), so that blocking, interruptible
 * code stops early; the commit-time check then refuses the transaction. A small state machine makes sure an
 * interrupt is never delivered after the process finished: RUNNING → FIRED (the interrupt was sent) or RUNNING →
 * DONE (the process finished first).
 *
 * <p>Thread-safe.
 */
final class TimeoutWatch {
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int FIRED = 2;

    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final Thread thread;
    private final ScheduledFuture<?> future;

    private TimeoutWatch(Thread thread, ScheduledExecutorService scheduler, long nanos) {
        this.thread = thread;
        this.future = scheduler.schedule(this::fire, nanos, TimeUnit.NANOSECONDS);
    }

    static TimeoutWatch start(ScheduledExecutorService scheduler, long nanos) {
        return new TimeoutWatch(Thread.currentThread(), scheduler, nanos);
    }

    private void fire() {
        if (state.compareAndSet(RUNNING, FIRED)) {
            thread.interrupt();
        }
    }

    /**
     * Ends the watch on the watched thread.
     *
     * @return {@code true} if the interrupt was sent (the interrupt flag is then cleared)
     */
    boolean finish() {
        if (state.compareAndSet(RUNNING, DONE)) {
            future.cancel(false);
            return false;
        }
        Thread.interrupted();
        return true;
    }
}
