package io.theus.tx.internal;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Anti-starvation for optimistic commits (the "VIP ticket"). A transaction that keeps losing commit races takes the
 * ticket for its next attempt; while the ticket is held, every other committer waits before its compare-and-set, so
 * the holder's attempt cannot be overtaken. Waiting for the ticket is fair (FIFO), so starving transactions are
 * served in arrival order.
 *
 * <p>Without a holder, {@link #awaitTurn()} is a single volatile read: there is no lock on the normal commit path.
 *
 * <p>Thread-safe. Guarded by {@code lock}: the right to be the holder; {@code holder} mirrors it for cheap checks.
 */
public final class PriorityTicket {
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile Thread holder;

    /** Takes the ticket, waiting for earlier holders. Must be released with {@link #release()}. */
    public void acquire() {
        lock.lock();
        holder = Thread.currentThread();
    }

    /** Gives the ticket back. */
    public void release() {
        holder = null;
        lock.unlock();
    }

    /** {@return whether the calling thread holds the ticket} */
    public boolean heldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    /** Waits while another thread holds the ticket. */
    public void awaitTurn() {
        Thread h = holder;
        if (h != null && h != Thread.currentThread()) {
            lock.lock();
            lock.unlock();
        }
    }
}
