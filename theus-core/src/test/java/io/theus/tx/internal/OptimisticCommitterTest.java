package io.theus.tx.internal;

import io.theus.state.Path;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commit point on its own: conflict detection through the commit-log chain, the bounded chain (the ring cuts
 * back links with plain release/opaque accesses, not atomic exchanges) and lost-update freedom under contention.
 */
class OptimisticCommitterTest {
    private static final Path COUNTER = Path.of("domain.counter");
    private static final Path OTHER = Path.of("domain.other");

    private static CommitResult write(OptimisticCommitter c, Version snapshot, Path path, Object value) {
        TxState tx = new TxState(snapshot, 0);
        tx.write(path, value);
        return c.commit(tx, tx.minimalWrites(), null, false, List.of());
    }

    private static int chainLength(Version v) {
        int n = 0;
        for (CommitLog l = v.log; l != null; l = l.previous()) {
            n++;
        }
        return n;
    }

    @Test
    void snapshotWithinTheRetainedHistoryRebasesOverUnrelatedCommits() {
        OptimisticCommitter c = new OptimisticCommitter(Version.empty(), 16);
        write(c, c.head(), COUNTER, 0);
        Version snapshot = c.head();
        for (int i = 0; i < 5; i++) {
            write(c, c.head(), OTHER, i);
        }
        CommitResult r = write(c, snapshot, COUNTER, 1);
        assertThat(r).isInstanceOf(CommitResult.Committed.class);
        assertThat(c.head().read(OTHER)).isEqualTo(4);
        assertThat(c.head().read(COUNTER)).isEqualTo(1);
    }

    @Test
    void snapshotOlderThanTheRetainedHistoryConflictsAsHistoryExceeded() {
        OptimisticCommitter c = new OptimisticCommitter(Version.empty(), 4);
        Version snapshot = c.head();
        for (int i = 0; i < 20; i++) {
            write(c, c.head(), OTHER, i);
        }
        CommitResult r = write(c, snapshot, COUNTER, 1);
        assertThat(r).isInstanceOfSatisfying(CommitResult.Conflict.class,
                conflict -> assertThat(conflict.historyExceeded()).isTrue());
    }

    @Test
    void commitChainStaysWithinTheHistoryRingAfterManyCommits() {
        OptimisticCommitter c = new OptimisticCommitter(Version.empty(), 8);
        for (int i = 0; i < 10_000; i++) {
            write(c, c.head(), COUNTER, i);
        }
        assertThat(chainLength(c.head())).isLessThanOrEqualTo(9);
    }

    @Test
    void longHistoryCutsTheChainInBatchesAndStaysBounded() {
        OptimisticCommitter c = new OptimisticCommitter(Version.empty(), 1_024);
        for (int i = 0; i < 10_000; i++) {
            write(c, c.head(), COUNTER, i);
        }
        assertThat(chainLength(c.head())).isBetween(1_024, 1_024 + 2 * 64);
    }

    @Test
    void snapshotExactlyHistoryCommitsOldIsStillCheckedWhenTheRingIsCutInBatches() {
        OptimisticCommitter c = new OptimisticCommitter(Version.empty(), 1_024);
        for (int start = 0; start < 200; start += 37) {
            for (int i = 0; i < start; i++) {
                write(c, c.head(), OTHER, i);
            }
            Version snapshot = c.head();
            for (int i = 0; i < 1_024; i++) {
                write(c, c.head(), OTHER, i);
            }
            assertThat(write(c, snapshot, COUNTER, start)).isInstanceOf(CommitResult.Committed.class);
        }
    }

    @Test
    void concurrentCommittersWithATinyHistoryLoseNoUpdateAndKeepTheChainBounded() throws Exception {
        OptimisticCommitter c = new OptimisticCommitter(Version.empty(), 2);
        write(c, c.head(), COUNTER, 0);
        int threads = 4;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        CommitResult r;
                        do {
                            Version h = c.head();
                            r = write(c, h, COUNTER, (Integer) h.read(COUNTER) + 1);
                        } while (r instanceof CommitResult.Conflict);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(c.head().read(COUNTER)).isEqualTo(threads * perThread);
        assertThat(chainLength(c.head())).isLessThanOrEqualTo(2 * threads + 4);
    }
}
