package io.theus.tx.internal;

import io.theus.state.Path;

/**
 * What one commit wrote: its version number and its minimal write paths, linked to the previous commit's log. The
 * chain is how a committing transaction finds the commits that happened since its snapshot, without retaining their
 * trees. {@link OptimisticCommitter} cuts the chain a fixed distance behind the head so it stays bounded.
 *
 * <p>Thread-safe: {@code number} and {@code writes} are final; {@code prev} is volatile and only ever set to
 * {@code null}.
 */
public final class CommitLog {
    final long number;
    final Path[] writes;
    volatile CommitLog prev;

    CommitLog(long number, Path[] writes, CommitLog prev) {
        this.number = number;
        this.writes = writes;
        this.prev = prev;
    }

    /** {@return the version number of this commit} */
    public long number() {
        return number;
    }
}
