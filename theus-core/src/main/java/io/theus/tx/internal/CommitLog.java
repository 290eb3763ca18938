package io.theus.tx.internal;

import io.theus.signal.Signal;
import io.theus.state.Path;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * {@code prevSignals} are set in the constructor (published with the {@link Version} by the head's compare-and-set)
 * and later only ever cut to {@code null} with an opaque write. A reader may see a link or its cut; both are safe:
 * a committer that finds the chain cut before its snapshot treats that as a conflict and re-runs, and the sequencer
 * skips logs already published. The fields are not volatile on purpose: a volatile store costs a full fence on every
 * commit ({@code ExecuteBenchmark}, row 2 of docs/benchmarks.md, records the gain).
 */
public final class CommitLog {
    private static final VarHandle PREV;
    private static final VarHandle PREV_SIGNALS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PREV = lookup.findVarHandle(CommitLog.class, "prev", CommitLog.class);
            PREV_SIGNALS = lookup.findVarHandle(CommitLog.class, "prevSignals", CommitLog.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long number;
    final Path[] writes;
    final List<Signal> signals;
    private CommitLog prev;
    private CommitLog prevSignals;

    CommitLog(long number, Path[] writes, CommitLog prev, List<Signal> signals) {
        this.number = number;
        this.writes = writes;
        this.signals = signals;
        this.prev = prev;
        this.prevSignals = prev == null ? null : prev.signals.isEmpty() ? prev.previousWithSignals() : prev;
    }

    /** Cuts the link to the previous log (opaque write: no fence; readers see the link or the cut). */
    void cut() {
        PREV.setOpaque(this, (CommitLog) null);
    }

    /** {@return the previous log, or {@code null} once cut (opaque read)} */
    CommitLog previous() {
        return (CommitLog) PREV.getOpaque(this);
    }

    /** Cuts the link to the previous log with signals, once those are published. */
    void cutSignals() {
        PREV_SIGNALS.setOpaque(this, (CommitLog) null);
    }

    /** {@return the nearest earlier log carrying signals, or {@code null} once cut (opaque read)} */
    CommitLog previousWithSignals() {
        return (CommitLog) PREV_SIGNALS.getOpaque(this);
    }

    /** {@return the version number of this commit} */
    public long number() {
        return number;
    }
}
