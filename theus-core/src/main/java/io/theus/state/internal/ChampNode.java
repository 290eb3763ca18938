package io.theus.state.internal;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A node of the CHAMP trie behind {@link PersistentMap}: either a {@link ChampBitmapNode} (one level of the 32-way
 * hash prefix tree) or a {@link ChampCollisionNode} (keys whose full 32-bit hashes are equal).
 *
 * <p>Thread-safe once published: a node is written only while its {@link #owner} is the live token of a builder,
 * and that builder publishes it through a final field only after its last write. Persistent operations pass a
 * {@code null} token and therefore always copy.
 */
abstract sealed class ChampNode permits ChampBitmapNode, ChampCollisionNode {

    /** Hash bits consumed per trie level. */
    static final int BITS = 5;
    /** Mask selecting one level's hash fragment. */
    static final int MASK = (1 << BITS) - 1;
    /** Largest shift of a bitmap node; deeper than this only collision nodes exist. */
    static final int MAX_SHIFT = 30;
    /** Upper bound on the number of bitmap levels on any path (shifts 0, 5, ..., 30). */
    static final int MAX_DEPTH = MAX_SHIFT / BITS + 1;

    /** The builder token allowed to mutate this node in place, or {@code null} if no one may. */
    final Object owner;

    ChampNode(Object owner) {
        this.owner = owner;
    }

    /** Whether the holder of {@code token} may mutate this node in place. Thread-safe. */
    final boolean isOwnedBy(Object token) {
        return token != null && owner == token;
    }

    /**
     * Returns the node with {@code key} mapped to {@code value}: this node itself if nothing changed or if it was
     * mutated in place (only when owned by {@code token}), otherwise a copy. Thread-safe when {@code token} is null.
     */
    abstract ChampNode updated(Object token, Object key, Object value, int hash, int shift, ChampChange change);

    /** Returns the node without {@code key}, following the same copy rules as {@link #updated}. */
    abstract ChampNode removed(Object token, Object key, int hash, int shift, ChampChange change);

    /** Number of key-value pairs stored directly in this node. Thread-safe. */
    abstract int payloadArity();

    /** Number of child nodes. Thread-safe. */
    abstract int nodeArity();

    /** The key of the {@code index}-th pair stored directly in this node. Thread-safe. */
    abstract Object keyAt(int index);

    /** The value of the {@code index}-th pair stored directly in this node. Thread-safe. */
    abstract Object valueAt(int index);

    /** The {@code index}-th child node. Thread-safe. */
    abstract ChampNode nodeAt(int index);

    /** Whether this node holds exactly one mapping and no children (it must then be inlined into its parent). */
    abstract boolean isSingleEntry();

    /** Whether this subtree holds the same mappings as {@code other}, assuming both are canonical. Thread-safe. */
    abstract boolean sameMappings(ChampNode other);

    /** Calls {@code action} for every mapping of this subtree, without allocating. Thread-safe. */
    abstract void forEachMapping(BiConsumer<Object, Object> action);

    /** Sum of {@code key.hashCode() ^ value.hashCode()} over this subtree, as {@link Map#hashCode()} wants. */
    abstract int mappingHashSum();

    /** Whether some mapping in this subtree has a value equal to {@code value}. Thread-safe. */
    abstract boolean containsValue(Object value);

    /** Whether every mapping of this subtree is also present, with an equal value, in {@code other}. */
    abstract boolean allMappingsIn(Map<?, ?> other);

    /** Whether {@code candidate} is the same key as the stored {@code key}, using the candidate's equals. */
    static boolean sameKey(Object candidate, Object key) {
        return candidate == key || candidate.equals(key);
    }
}
