package io.theus.internal;

import io.theus.WriteTimeoutException;
import io.theus.signal.Signal;
import io.theus.state.Path;
import io.theus.tx.CommitCandidate;
import io.theus.tx.CommitKind;
import io.theus.tx.TransactionInterceptor;
import io.theus.tx.internal.CommitResult;
import io.theus.tx.internal.OptimisticCommitter;
import io.theus.tx.internal.TxState;
import io.theus.tx.internal.Version;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * The single place where transactions of every kind are committed: runs the {@code beforeCommit} interceptors (the
 * output and schema gates), enforces the write timeout, asks the {@link OptimisticCommitter} to commit, then, once the
 * new version is visible, runs its effects (signals published in version order, outbox messages recorded) and the
 * {@code afterCommit} interceptors.
 *
 * <p>Thread-safe.
 */
final class CommitService {
    private static final System.Logger LOG = System.getLogger("io.theus.engine");
    private static final Path[] NO_PATHS = new Path[0];

    private final OptimisticCommitter committer;
    private final List<TransactionInterceptor> interceptors;
    private final InstantSource clock;
    private final long timeoutMillis;
    private final CommitEffects effects;

    CommitService(OptimisticCommitter committer, List<TransactionInterceptor> interceptors, InstantSource clock,
                  long timeoutMillis, CommitEffects effects) {
        this.effects = effects;
        this.committer = committer;
        this.interceptors = interceptors;
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
    }

    long now() {
        return timeoutMillis > 0 ? clock.millis() : 0L;
    }

    /**
     * Commits a transaction once (no retry).
     *
     * @return the outcome; interceptor rejections and timeouts are thrown
     */
    CommitResult commit(CommitKind kind, String process, Map<String, Object> args, int attempt, TxState tx,
                        Path[] reads, boolean strict) {
        Path[] writes = tx.isDirty() ? tx.minimalWrites() : NO_PATHS;
        List<Signal> signals = tx.signals();
        CommitCandidate candidate = interceptors.isEmpty() ? null : new CommitCandidate(kind, process, args,
                attempt, tx.snapshot().version(), tx.changes(writes), signals, tx.pendingReader());
        for (TransactionInterceptor i : interceptors) {
            i.beforeCommit(candidate);
        }
        checkTimeout(tx, process);
        CommitResult result = tx.isDirty()
                ? committer.commit(tx, writes, reads, strict, signals)
                : readOnly(tx);
        if (result instanceof CommitResult.Committed ok) {
            if (tx.isDirty()) {
                effects.committed(tx, ok.version(), writes);
            }
            if (candidate != null) {
                afterCommit(candidate, ok.version());
            }
        }
        return result;
    }

    private CommitResult readOnly(TxState tx) {
        long asserted = tx.assertedVersion();
        if (asserted >= 0) {
            long actual = committer.head().version();
            if (actual != asserted) {
                return new CommitResult.Mismatch(asserted, actual);
            }
        }
        return new CommitResult.Committed(tx.snapshot());
    }

    private void checkTimeout(TxState tx, String process) {
        if (timeoutMillis > 0) {
            long elapsed = clock.millis() - tx.startedAtMillis();
            if (elapsed > timeoutMillis) {
                throw new WriteTimeoutException(process, "transaction" + (process == null ? ""
                        : " of process '" + process + "'") + " is " + elapsed + " ms old, over the write timeout of "
                        + timeoutMillis + " ms; nothing was committed");
            }
        }
    }

    private void afterCommit(CommitCandidate candidate, Version version) {
        for (TransactionInterceptor i : interceptors) {
            try {
                i.afterCommit(candidate, version);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "interceptor " + i.getClass().getName()
                        + " failed in afterCommit; ignored", e);
            }
        }
    }
}
