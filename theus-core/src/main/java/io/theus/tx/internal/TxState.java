package io.theus.tx.internal;

import io.theus.outbox.OutboxDraft;
import io.theus.signal.Signal;
import io.theus.state.Path;
import io.theus.state.StateReader;
import io.theus.state.Zone;
import io.theus.state.internal.PersistentMap;
import io.theus.state.internal.Tree;
import io.theus.tx.Change;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The private working data of one transaction attempt: the snapshot it started from, a working tree (the snapshot
 * with this transaction's writes applied, by structural sharing), the paths written, the signals emitted and the
 * outbox messages written.
 * Reads go straight to the working tree, so a transaction always sees its own writes.
 *
 * <p>Not thread-safe: confined to the thread running the attempt.
 */
public final class TxState {
    private final Version snapshot;
    private final long startedAtMillis;
    private PersistentMap<String, Object> tree;
    /** Paths written, in order; {@code null} until the first write. Never changed in place below {@code writeCount}. */
    private Path[] writes;
    private int writeCount;
    private ArrayList<Signal> signals;
    private ArrayList<OutboxDraft> outbox;
    private long assertedVersion = -1;

    /**
     * Starts a transaction on a snapshot.
     *
     * @param snapshot the committed version to read
     * @param startedAtMillis the clock reading at start (for the write timeout)
     */
    public TxState(Version snapshot, long startedAtMillis) {
        this.snapshot = snapshot;
        this.startedAtMillis = startedAtMillis;
        this.tree = snapshot.tree;
    }

    /** {@return the snapshot the transaction started from} */
    public Version snapshot() {
        return snapshot;
    }

    /** {@return the clock reading when the transaction started} */
    public long startedAtMillis() {
        return startedAtMillis;
    }

    /** {@return the working tree} */
    public PersistentMap<String, Object> tree() {
        return tree;
    }

    /**
     * Reads a path from the working tree (tree values) or the pending and latched signals (SIGNAL zone).
     *
     * @param path the path
     * @param zone its zone
     * @return the value or {@code null}
     */
    public Object read(Path path, Zone zone) {
        if (zone == Zone.SIGNAL) {
            String topic = SignalTopics.of(path);
            Object pending = signals == null ? null : Version.latched(signals, topic);
            return pending != null ? pending : Version.latched(snapshot.signals, topic);
        }
        return Tree.get(tree, path);
    }

    /**
     * Writes a frozen value.
     *
     * @param path the path
     * @param value the frozen value
     */
    public void write(Path path, Object value) {
        tree = Tree.set(tree, path, value);
        noteWrite(path);
    }

    /**
     * Removes a path.
     *
     * @param path the path
     * @return whether a value was there
     */
    public boolean remove(Path path) {
        PersistentMap<String, Object> updated = Tree.remove(tree, path);
        if (updated == tree) {
            return false;
        }
        tree = updated;
        noteWrite(path);
        return true;
    }

    /**
     * Records a written path. The array grows by copying, so an array handed out by {@link #minimalWrites()} is never
     * changed afterwards; a single write costs one one-element array, which becomes the commit log's write set.
     */
    private void noteWrite(Path path) {
        if (writes == null) {
            writes = new Path[] {path};
        } else {
            if (writeCount == writes.length) {
                writes = Arrays.copyOf(writes, writeCount * 2);
            }
            writes[writeCount] = path;
        }
        writeCount++;
    }

    /**
     * Emits a signal (frozen payload).
     *
     * @param signal the signal
     */
    public void emit(Signal signal) {
        if (signals == null) {
            signals = new ArrayList<>(2);
        }
        signals.add(signal);
    }

    /**
     * Writes an outbox message (frozen payload), stored with the commit.
     *
     * @param message the message
     */
    public void outbox(OutboxDraft message) {
        if (outbox == null) {
            outbox = new ArrayList<>(2);
        }
        outbox.add(message);
    }

    /** {@return whether the transaction wrote outbox messages} */
    public boolean hasOutbox() {
        return outbox != null;
    }

    /** {@return the outbox messages in the order written} */
    public List<OutboxDraft> outbox() {
        return outbox == null ? List.of() : List.copyOf(outbox);
    }

    /**
     * Asserts that the commit must find the state at exactly this version.
     *
     * @param version the version
     */
    public void assertVersion(long version) {
        this.assertedVersion = version;
    }

    /** {@return the asserted version, or -1} */
    public long assertedVersion() {
        return assertedVersion;
    }

    /** {@return whether the transaction wrote, emitted or wrote to the outbox} */
    public boolean isDirty() {
        return writeCount > 0 || signals != null || outbox != null;
    }

    /** {@return the emitted signals in order} */
    public List<Signal> signals() {
        return signals == null ? List.of() : List.copyOf(signals);
    }

    /**
     * Returns the written paths without the ones lying under another written path, in first-write order.
     *
     * @return minimal write paths
     */
    public Path[] minimalWrites() {
        if (writeCount == 0) {
            return new Path[0];
        }
        if (writeCount == 1) {
            return writes; // a one-element array never changed afterwards (see noteWrite)
        }
        Set<Path> written = new LinkedHashSet<>(Arrays.asList(writes).subList(0, writeCount)); // first-write order
        List<Path> result = new ArrayList<>(written.size());
        for (Path p : written) {
            if (!hasWrittenAncestor(p, written)) {
                result.add(p);
            }
        }
        return result.toArray(Path[]::new);
    }

    /** Walks the (cached) parents: no string is built, so the check is a few hash lookups per path. */
    private static boolean hasWrittenAncestor(Path path, Set<Path> written) {
        for (Path a = path.parent(); a != null; a = a.parent()) {
            if (written.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Describes the changes for interceptors: each minimal path with its new value from the working tree and its
     * value in the snapshot.
     *
     * @param minimal the minimal write paths
     * @return the changes
     */
    public List<Change> changes(Path[] minimal) {
        List<Change> result = new ArrayList<>(minimal.length);
        for (Path p : minimal) {
            result.add(new Change(p, Tree.get(tree, p), Tree.get(snapshot.tree, p)));
        }
        return result;
    }

    /** {@return a reader over the working tree (what the state will be if the commit succeeds)} */
    public StateReader pendingReader() {
        return path -> {
            Path p = Path.of(path);
            return read(p, Zone.of(p));
        };
    }
}
