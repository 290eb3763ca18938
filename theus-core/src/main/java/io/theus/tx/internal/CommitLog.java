package io.theus.tx.internal;

import io.theus.signal.Signal;
import io.theus.state.Path;

import java.util.List;

/**
 * What one commit wrote: its version number and its minimal write paths, linked to the previous commit's log. The
 * chain is how a committing transaction finds the commits that happened since its snapshot, without retaining their
 * trees. {@link OptimisticCommitter} cuts the chain a fixed distance behind the head so it stays bounded.
 *
 * <p>A log also carries the signals latched by its commit and a second back link, {@code prevSignals}, to the
 * nearest earlier log that carries signals: {@link SignalSequencer} follows it to publish signals in commit order,
 * and cuts it behind what it has published, so it never retains more than the unpublished logs.
 *
 * <p>Thread-safe: {@code number}, {@code writes} and {@code signals} are final; {@code prev} and
 * {@code prevSignals} are volatile and only ever set to {@code null}.
 */
public final class CommitLog {
    final long number;
    final Path[] writes;
    final List<Signal> signals;
    volatile CommitLog prev;
    volatile CommitLog prevSignals;

    CommitLog(long number, Path[] writes, CommitLog prev, List<Signal> signals) {
        this.number = number;
        this.writes = writes;
        this.prev = prev;
        this.signals = signals;
        this.prevSignals = prev == null ? null : prev.signals.isEmpty() ? prev.prevSignals : prev;
    }

    /** {@return the version number of this commit} */
    public long number() {
        return number;
    }
}
