package io.theus.tx.internal;

import io.theus.signal.Signal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Publishes the signals of committed versions in version order, exactly once, even when versions are committed on
 * different threads.
 *
 * <p><b>Algorithm.</b> After its compare-and-set succeeded, a commit that latched signals calls {@link #publish}.
 * Under a small lock (never held during a compare-and-set, so the commit path itself stays lock-free) it publishes
 * every not-yet-published version with signals up to its own, oldest first, found by following
 * {@link CommitLog#previousWithSignals()} back from its log, and advances {@code next} past its version. A commit that finds
 * its version already below {@code next} was published by a later committer that got the lock first. Commits
 * without signals never take the lock. When {@link #publish} returns, the caller's signals have been handed to the
 * sink.
 *
 * <p>Thread-safe; {@code next} is guarded by {@code lock}. The sink runs under the lock and must not throw.
 */
public final class SignalSequencer {
    private final ReentrantLock lock = new ReentrantLock();
    private final Consumer<List<Signal>> sink;
    private long next; // guarded by lock: every version below it with signals was published

    /**
     * Creates a sequencer.
     *
     * @param head the current head: its signals and older ones count as published
     * @param sink receives each version's signals, in version order
     */
    public SignalSequencer(Version head, Consumer<List<Signal>> sink) {
        this.next = head.number + 1;
        this.sink = sink;
    }

    /**
     * Publishes the signals of a version that was just committed, after those of every earlier version.
     *
     * @param committed a version made visible by the caller's compare-and-set
     */
    public void publish(Version committed) {
        CommitLog target = committed.log;
        if (target.signals.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            if (target.number < next) {
                return;
            }
            CommitLog older = target.previousWithSignals();
            if (older == null || older.number < next) {
                sink.accept(target.signals);
            } else {
                ArrayDeque<CommitLog> pending = new ArrayDeque<>();
                for (CommitLog l = target; l != null && l.number >= next; l = l.previousWithSignals()) {
                    pending.push(l);
                }
                while (!pending.isEmpty()) {
                    sink.accept(pending.pop().signals);
                }
            }
            next = target.number + 1;
            target.cutSignals();
        } finally {
            lock.unlock();
        }
    }
}
