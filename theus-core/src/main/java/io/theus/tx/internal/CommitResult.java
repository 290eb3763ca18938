package io.theus.tx.internal;

import io.theus.state.Path;

import java.util.List;

/**
 * The outcome of one commit try inside the kernel: expected outcomes are values, not exceptions.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface CommitResult {

    /**
     * The commit is visible.
     *
     * @param version the new version
     */
    record Committed(Version version) implements CommitResult {
    }

    /**
     * Another commit since the snapshot overlapped this transaction; re-running may succeed.
     *
     * @param paths the paths committed by others that overlapped (possibly empty under a whole-version check)
     * @param historyExceeded whether the snapshot was older than the retained commit history
     */
    record Conflict(List<Path> paths, boolean historyExceeded) implements CommitResult {
    }

    /**
     * A whole-version expectation failed; re-running cannot help.
     *
     * @param expected the version expected
     * @param actual the version found
     */
    record Mismatch(long expected, long actual) implements CommitResult {
    }
}
