package io.theus.tx.internal;

import io.theus.signal.Signal;
import io.theus.state.Path;
import io.theus.state.StateSnapshot;
import io.theus.state.Zone;
import io.theus.state.internal.PersistentMap;
import io.theus.state.internal.Tree;

import java.util.List;
import java.util.Map;

/**
 * One committed version: the persistent tree, the version number, the signals latched on it and the log of the
 * commit that produced it. This is also the {@link StateSnapshot} the engine hands out; it never changes.
 *
 * <p>Immutable and thread-safe.
 */
public final class Version implements StateSnapshot {
    final PersistentMap<String, Object> tree;
    final long number;
    final List<Signal> signals;
    final CommitLog log;

    Version(PersistentMap<String, Object> tree, long number, List<Signal> signals, CommitLog log) {
        this.tree = tree;
        this.number = number;
        this.signals = signals;
        this.log = log;
    }

    /**
     * Creates version 0 of an empty engine.
     *
     * @return the empty version
     */
    public static Version empty() {
        return new Version(PersistentMap.empty(), 0, List.of(), new CommitLog(0, new Path[0], null, List.of()));
    }

    /** {@return the tree of this version} */
    public PersistentMap<String, Object> tree() {
        return tree;
    }

    @Override
    public long version() {
        return number;
    }

    @Override
    public List<Signal> signals() {
        return signals;
    }

    @Override
    public Map<String, Object> toMap() {
        return tree;
    }

    @Override
    public Object get(String path) {
        return read(Path.of(path));
    }

    /**
     * Reads a parsed path: tree values, or the latched signal for SIGNAL-zone paths.
     *
     * @param path the path
     * @return the value or {@code null}
     */
    public Object read(Path path) {
        if (Zone.of(path) == Zone.SIGNAL) {
            return latched(signals, SignalTopics.of(path));
        }
        return Tree.get(tree, path);
    }

    /**
     * Finds the payload of the last signal with a topic.
     *
     * @param signals signals in emission order
     * @param topic the topic
     * @return the payload or {@code null}
     */
    public static Object latched(List<Signal> signals, String topic) {
        for (int i = signals.size() - 1; i >= 0; i--) {
            Signal s = signals.get(i);
            if (s.topic().equals(topic)) {
                return s.payload();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Version[" + number + "]";
    }
}
