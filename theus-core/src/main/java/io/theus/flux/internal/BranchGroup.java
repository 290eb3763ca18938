package io.theus.flux.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The branches of one {@code flux: parallel} block: counts them down as they end and keeps the first failure, which
 * also tells the other branches to stop before their next step.
 *
 * <p>Thread-safe.
 */
final class BranchGroup {
    private final CountDownLatch pending;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    BranchGroup(int branches) {
        this.pending = new CountDownLatch(branches);
    }

    void fail(Throwable t) {
        if (!failure.compareAndSet(null, t) && t != failure.get() && !(t instanceof RunStop.SiblingFailed)) {
            failure.get().addSuppressed(t);
        }
    }

    boolean failed() {
        return failure.get() != null;
    }

    Throwable failure() {
        return failure.get();
    }

    void done() {
        pending.countDown();
    }

    /**
     * Waits for every branch to end, even if interrupted (the branches stop on their own once the run is cancelled).
     *
     * @return whether the waiting thread was interrupted
     */
    boolean awaitAll() {
        boolean interrupted = false;
        while (true) {
            try {
                pending.await();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }
}
