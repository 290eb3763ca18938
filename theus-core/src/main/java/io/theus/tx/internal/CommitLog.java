package io.theus.tx.internal;

import io.theus.state.Path;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What one commit wrote: its version number and its minimal write paths, linked to the previous commit's log. The
 * chain is how a committing transaction finds the commits that happened since its snapshot, without retaining their
 * trees. {@link OptimisticCommitter} cuts the chain a fixed distance behind the head so it stays bounded.
 *
 * <p>Thread-safe: {@code number} and {@code writes} are final; {@code prev} is set in the constructor (published
 * with the {@link Version} by the head's compare-and-set) and later only ever cut to {@code null} with an opaque
 * write. A reader may see the link or the cut; both are safe, because a reader that finds the chain cut before its
 * snapshot treats that as a conflict and re-runs. The field is not volatile on purpose: a volatile store costs a full
 * fence on every commit ({@code ExecuteBenchmark}, row 2 of docs/benchmarks.md, records the gain).
 */
public final class CommitLog {
    private static final VarHandle PREV;

    static {
        try {
            PREV = MethodHandles.lookup().findVarHandle(CommitLog.class, "prev", CommitLog.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long number;
    final Path[] writes;
    CommitLog prev;

    CommitLog(long number, Path[] writes, CommitLog prev) {
        this.number = number;
        this.writes = writes;
        this.prev = prev;
    }

    /** Cuts the link to the previous log (opaque write: no fence; readers see the link or the cut). */
    void cut() {
        PREV.setOpaque(this, (CommitLog) null);
    }

    /** {@return the previous log, or {@code null} once cut (opaque read)} */
    CommitLog previous() {
        return (CommitLog) PREV.getOpaque(this);
    }

    /** {@return the version number of this commit} */
    public long number() {
        return number;
    }
}
