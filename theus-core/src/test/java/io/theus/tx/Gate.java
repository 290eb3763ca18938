package io.theus.tx;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets a test hold a process inside its body until the test has made a concurrent commit, so that conflicts happen
 * deterministically. The process calls {@link #pass()}; the test calls {@link #awaitEntered()} then {@link #open()}.
 */
final class Gate {
    private final BlockingQueue<Integer> entered = new LinkedBlockingQueue<>();
    private final Semaphore go = new Semaphore(0);
    private final AtomicInteger attempts = new AtomicInteger();
    private final int blockingAttempts;

    /** A gate that holds every attempt. */
    Gate() {
        this(Integer.MAX_VALUE);
    }

    /**
     * A gate that holds only the first attempts.
     *
     * @param blockingAttempts how many attempts are held
     */
    Gate(int blockingAttempts) {
        this.blockingAttempts = blockingAttempts;
    }

    /** Called by the process body: announces the attempt and waits to be let through. */
    void pass() throws InterruptedException {
        int attempt = attempts.incrementAndGet();
        if (attempt > blockingAttempts) {
            return;
        }
        entered.put(attempt);
        if (!go.tryAcquire(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate was never opened");
        }
    }

    /** Called by the test: waits until the process is inside its body; returns the attempt number. */
    int awaitEntered() throws InterruptedException {
        Integer attempt = entered.poll(30, TimeUnit.SECONDS);
        if (attempt == null) {
            throw new IllegalStateException("process never reached the gate");
        }
        return attempt;
    }

    /** Lets the waiting attempt continue. */
    void open() {
        go.release();
    }

    int attempts() {
        return attempts.get();
    }
}
