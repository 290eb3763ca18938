package io.theus.tx.internal;

import io.theus.signal.Signal;
import io.theus.state.Path;
import io.theus.state.internal.PersistentMap;
import io.theus.state.internal.Tree;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The commit point of an engine: one atomic reference to the head {@link Version}, swapped by compare-and-set.
 *
 * <p><b>Algorithm.</b> A transaction carries its snapshot, its working tree and its minimal write paths. To commit,
 * it reads the head. If the head is its snapshot, the working tree becomes the new version as is. Otherwise it walks
 * the {@link CommitLog} chain from the head back to its snapshot and checks every intervening commit's writes against
 * its own writes (and, in serializable mode, its declared read patterns): two paths conflict when one equals or
 * contains the other. On a conflict the caller re-runs the transaction. Without one, the transaction's writes are
 * re-applied onto the head's tree (a rebase: cheap, and the process is not re-run), and the compare-and-set is tried
 * again; only commits newer than the last check are examined on the next round.
 *
 * <p><b>Memory.</b> Logs are linked backwards and hold no trees. Every {@code cutEvery}-th log (a power of two, up to
 * 64 for long histories) is put in a ring; the log it displaces has its back link cut, so the chain never grows much
 * past {@code history} commits. A transaction whose snapshot is older than the chain reaches is treated as
 * conflicting (conservative; it re-runs). Only one commit in {@code cutEvery} touches the ring and the displaced
 * log: that log was created about {@code history} commits earlier and is cold in the cache, so touching it on every
 * commit cost a cache miss per commit (a fifth of an uncontended process execution, see row 2 of
 * {@code docs/benchmarks.md}).
 *
 * <p>Thread-safe and lock-free, except that committers wait while a starving transaction holds the
 * {@link PriorityTicket}.
 */
public final class OptimisticCommitter {
    private final AtomicReference<Version> head;
    private final AtomicReferenceArray<CommitLog> ring;
    private final int mask;
    private final int cutEvery;
    private final PriorityTicket ticket = new PriorityTicket();

    /**
     * Creates a committer.
     *
     * @param initial the first head
     * @param history how many commit logs to keep at least for conflict checks (rounded up to a power of two)
     */
    public OptimisticCommitter(Version initial, int history) {
        this.cutEvery = Math.min(64, Integer.highestOneBit(Math.max(1, history / 8)));
        int slots = (history + cutEvery - 1) / cutEvery;
        int size = Integer.highestOneBit(Math.max(2, slots - 1)) << 1;
        this.head = new AtomicReference<>(initial);
        this.ring = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
    }

    /** {@return the current head version (one volatile read)} */
    public Version head() {
        return head.get();
    }

    /** {@return the anti-starvation ticket} */
    public PriorityTicket ticket() {
        return ticket;
    }

    /**
     * Tries to commit a transaction.
     *
     * @param tx the transaction
     * @param writes its minimal write paths
     * @param readPatterns declared read patterns to validate (serializable isolation), or {@code null}
     * @param strict whether any intervening commit is a conflict
     * @param signals the signals to latch on the new version
     * @return the outcome
     */
    public CommitResult commit(TxState tx, Path[] writes, Path[] readPatterns, boolean strict, List<Signal> signals) {
        Version checked = tx.snapshot();
        PersistentMap<String, Object> tree = tx.tree();
        long asserted = tx.assertedVersion();
        while (true) {
            ticket.awaitTurn();
            Version h = head.get();
            if (asserted >= 0 && h.number != asserted) {
                return new CommitResult.Mismatch(asserted, h.number);
            }
            if (h != checked) {
                CommitResult.Conflict conflict = strict
                        ? new CommitResult.Conflict(interveningWrites(h.log, checked.number), false)
                        : conflicts(h.log, checked.number, writes, readPatterns);
                if (conflict != null) {
                    return conflict;
                }
                tree = rebase(h.tree, tx.tree(), writes);
                checked = h;
            }
            CommitLog log = new CommitLog(h.number + 1, writes, h.log, signals);
            Version next = new Version(tree, h.number + 1, signals, log);
            if (head.compareAndSet(h, next)) {
                retire(log);
                return new CommitResult.Committed(next);
            }
        }
    }

    /**
     * Checks whether any of some paths changed after a version (for non-strict compare-and-swap).
     *
     * @param version the version the caller read
     * @param paths the paths
     * @return the conflict, or {@code null} if none changed
     */
    public CommitResult.Conflict changedSince(long version, Path[] paths) {
        Version h = head.get();
        return h.number == version ? null : conflicts(h.log, version, paths, null);
    }

    /**
     * Puts every {@code cutEvery}-th log in the ring and cuts the back link of the log it displaces. Plain
     * acquire/release accesses, not an atomic exchange: commits are already ordered by the head's compare-and-set,
     * so two retirements race on a slot only when one of them stalled for {@code history} commits; then one log
     * stays uncut for a while (a slightly longer chain) or one is cut early (a conservative conflict). Neither is
     * unsafe.
     */
    private void retire(CommitLog log) {
        if ((log.number & (cutEvery - 1)) != 0) {
            return;
        }
        int slot = (int) ((log.number / cutEvery) & mask);
        CommitLog displaced = ring.getAcquire(slot);
        ring.setRelease(slot, log);
        if (displaced != null) {
            displaced.cut();
        }
    }

    /**
     * Finds the intervening writes that overlap this transaction's paths.
     *
     * @return {@code null} if there is no conflict
     */
    private static CommitResult.Conflict conflicts(CommitLog from, long since, Path[] writes, Path[] reads) {
        List<Path> found = null;
        long reached = from.number;
        for (CommitLog l = from; l != null && l.number > since; l = l.previous()) {
            reached = l.number - 1;
            for (Path other : l.writes) {
                if (overlapsAny(other, writes) || (reads != null && overlapsAny(other, reads))) {
                    found = found == null ? new ArrayList<>(2) : found;
                    found.add(other);
                }
            }
        }
        if (reached != since) {
            return new CommitResult.Conflict(found == null ? List.of() : found, true);
        }
        return found == null ? null : new CommitResult.Conflict(found, false);
    }

    private static List<Path> interveningWrites(CommitLog from, long since) {
        List<Path> all = new ArrayList<>();
        for (CommitLog l = from; l != null && l.number > since && all.size() < 16; l = l.previous()) {
            all.addAll(List.of(l.writes));
        }
        return all;
    }

    private static boolean overlapsAny(Path other, Path[] mine) {
        for (Path p : mine) {
            if (p.overlaps(other)) {
                return true;
            }
        }
        return false;
    }

    private static PersistentMap<String, Object> rebase(PersistentMap<String, Object> onto,
                                                        PersistentMap<String, Object> working, Path[] writes) {
        PersistentMap<String, Object> tree = onto;
        for (Path p : writes) {
            Object value = Tree.get(working, p);
            tree = value == null ? Tree.remove(tree, p) : Tree.set(tree, p, value);
        }
        return tree;
    }
}
