package io.theus.state.internal;

import io.theus.InvalidPathException;
import io.theus.state.Path;

/**
 * Path operations on a persistent state tree: maps are {@link PersistentMap}s keyed by segment, lists are
 * {@link PersistentVector}s indexed by decimal segments, anything else is a leaf. Every operation returns a new root
 * sharing all untouched structure; an operation that changes nothing returns the very same root.
 *
 * <p>Stateless and thread-safe.
 */
public final class Tree {
    private Tree() {
    }

    /**
     * Reads the value at a path.
     *
     * @param root the tree root
     * @param path the path
     * @return the value, or {@code null} if any segment is absent
     */
    public static Object get(PersistentMap<String, Object> root, Path path) {
        Object cur = root.get(path.segment(0));
        for (int i = 1; i < path.size() && cur != null; i++) {
            cur = child(cur, path.segment(i));
        }
        return cur;
    }

    /**
     * Reads one child of a node.
     *
     * @param node a map, a list or a leaf
     * @param segment a key, or a decimal index for lists
     * @return the child, or {@code null}
     */
    public static Object child(Object node, String segment) {
        if (node instanceof PersistentMap<?, ?> m) {
            return m.get(segment);
        }
        if (node instanceof PersistentVector<?> v) {
            int index = index(segment);
            return index >= 0 && index < v.size() ? v.get(index) : null;
        }
        return null;
    }

    /**
     * Sets the value at a path, creating missing intermediate maps. A list index equal to the list's size appends.
     *
     * @param root the tree root
     * @param path the path
     * @param value a frozen value, not {@code null}
     * @return the new root
     * @throws InvalidPathException if an intermediate value is a leaf or a list index is out of range
     */
    @SuppressWarnings("unchecked")
    public static PersistentMap<String, Object> set(PersistentMap<String, Object> root, Path path, Object value) {
        return (PersistentMap<String, Object>) setIn(root, path, 0, value);
    }

    @SuppressWarnings("unchecked")
    private static Object setIn(Object node, Path path, int i, Object value) {
        String seg = path.segment(i);
        boolean last = i == path.size() - 1;
        if (node == null) {
            node = PersistentMap.empty();
        }
        if (node instanceof PersistentMap<?, ?> raw) {
            PersistentMap<String, Object> m = (PersistentMap<String, Object>) raw;
            Object child = last ? value : setIn(m.get(seg), path, i + 1, value);
            return m.plus(seg, child);
        }
        if (node instanceof PersistentVector<?> raw) {
            PersistentVector<Object> v = (PersistentVector<Object>) raw;
            int index = index(seg);
            if (index < 0 || index > v.size()) {
                throw new InvalidPathException(path.toString(), "cannot write '" + path + "': index '" + seg
                        + "' is outside the list of size " + v.size());
            }
            Object old = index < v.size() ? v.get(index) : null;
            Object child = last ? value : setIn(old, path, i + 1, value);
            return index == v.size() ? v.plus(child) : v.with(index, child);
        }
        throw new InvalidPathException(path.toString(), "cannot write '" + path + "': '" + prefix(path, i)
                + "' holds a " + node.getClass().getSimpleName() + ", not a map or a list");
    }

    /**
     * Removes the value at a path. Removing an absent path changes nothing.
     *
     * @param root the tree root
     * @param path the path
     * @return the new root ({@code root} itself if nothing was there)
     */
    @SuppressWarnings("unchecked")
    public static PersistentMap<String, Object> remove(PersistentMap<String, Object> root, Path path) {
        return (PersistentMap<String, Object>) removeIn(root, path, 0);
    }

    @SuppressWarnings("unchecked")
    private static Object removeIn(Object node, Path path, int i) {
        String seg = path.segment(i);
        boolean last = i == path.size() - 1;
        if (node instanceof PersistentMap<?, ?> raw) {
            PersistentMap<String, Object> m = (PersistentMap<String, Object>) raw;
            if (last) {
                return m.minus(seg);
            }
            Object child = m.get(seg);
            Object updated = child == null ? null : removeIn(child, path, i + 1);
            return updated == child ? m : m.plus(seg, updated);
        }
        if (node instanceof PersistentVector<?> raw) {
            PersistentVector<Object> v = (PersistentVector<Object>) raw;
            int index = index(seg);
            if (index < 0 || index >= v.size()) {
                return v;
            }
            if (last) {
                return v.removeAt(index);
            }
            Object child = v.get(index);
            Object updated = removeIn(child, path, i + 1);
            return updated == child ? v : v.with(index, updated);
        }
        return node;
    }

    /**
     * Parses a list index segment.
     *
     * @param segment a path segment
     * @return the index, or -1 if the segment is not a plain non-negative decimal
     */
    public static int index(String segment) {
        int n = segment.length();
        if (n == 0 || n > 9) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < n; i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9' || (i == 0 && c == '0' && n > 1)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String prefix(Path path, int length) {
        StringBuilder sb = new StringBuilder(path.segment(0));
        for (int i = 1; i < length; i++) {
            sb.append('.').append(path.segment(i));
        }
        return sb.toString();
    }
}
