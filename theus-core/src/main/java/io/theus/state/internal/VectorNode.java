package io.theus.state.internal;

/**
 * A node of the 32-way trie behind {@link PersistentVector}, and the path-copying operations on that trie. A leaf's
 * {@link #array} holds 32 elements; an interior node's holds up to 32 children, unused slots being {@code null}.
 *
 * <p>Thread-safe once published: a node is written only while its {@link #owner} is the live token of a builder,
 * and that builder publishes it through a final field only after its last write. Operations given a {@code null}
 * token copy every node they change, which is how the persistent vector uses them.
 */
final class VectorNode {

    /** Index bits consumed per trie level. */
    static final int BITS = 5;
    /** Slots per node. */
    static final int WIDTH = 1 << BITS;
    /** Mask selecting one level's index fragment. */
    static final int MASK = WIDTH - 1;

    /** The builder token allowed to mutate this node in place, or {@code null} if no one may. */
    final Object owner;
    final Object[] array;

    VectorNode(Object owner, Object[] array) {
        this.owner = owner;
        this.array = array;
    }

    /** Returns a fresh interior node with no children, owned by {@code token}. Thread-safe. */
    static VectorNode emptyInterior(Object token) {
        return new VectorNode(token, new Object[WIDTH]);
    }

    /** Returns {@code node} itself if {@code token} owns it, else a copy that {@code token} owns. Thread-safe. */
    static VectorNode editable(VectorNode node, Object token) {
        return token != null && node.owner == token ? node : new VectorNode(token, node.array.clone());
    }

    /** Returns the leaf array holding element {@code index} of a trie of height {@code shift}. Thread-safe. */
    static Object[] leafFor(VectorNode root, int shift, int index) {
        VectorNode node = root;
        for (int level = shift; level > 0; level -= BITS) {
            node = (VectorNode) node.array[(index >>> level) & MASK];
        }
        return node.array;
    }

    /** Wraps {@code leaf} in single-child interior nodes until it sits at {@code level}. Thread-safe. */
    static VectorNode newPath(Object token, int level, VectorNode leaf) {
        if (level == 0) {
            return leaf;
        }
        VectorNode parent = emptyInterior(token);
        parent.array[0] = newPath(token, level - BITS, leaf);
        return parent;
    }

    /**
     * Appends the full {@code leaf}, which holds element {@code leafIndex}, below {@code parent} at {@code level}.
     * The trie must have room (the caller grows the root first).
     */
    static VectorNode pushLeaf(Object token, int leafIndex, int level, VectorNode parent, VectorNode leaf) {
        VectorNode result = editable(parent, token);
        int slot = (leafIndex >>> level) & MASK;
        VectorNode child = (VectorNode) parent.array[slot];
        if (level == BITS) {
            result.array[slot] = leaf;
        } else if (child == null) {
            result.array[slot] = newPath(token, level - BITS, leaf);
        } else {
            result.array[slot] = pushLeaf(token, leafIndex, level - BITS, child, leaf);
        }
        return result;
    }

    /** Returns the trie with element {@code index} replaced by {@code value}. */
    static VectorNode assoc(Object token, int level, VectorNode node, int index, Object value) {
        VectorNode result = editable(node, token);
        if (level == 0) {
            result.array[index & MASK] = value;
        } else {
            int slot = (index >>> level) & MASK;
            result.array[slot] = assoc(token, level - BITS, (VectorNode) node.array[slot], index, value);
        }
        return result;
    }

    /**
     * Returns the trie below {@code node} without its last leaf, the one holding element {@code leafIndex};
     * {@code null} if nothing is left.
     */
    static VectorNode popLeaf(Object token, int leafIndex, int level, VectorNode node) {
        int slot = (leafIndex >>> level) & MASK;
        VectorNode remainder = level > BITS
                ? popLeaf(token, leafIndex, level - BITS, (VectorNode) node.array[slot])
                : null;
        if (remainder == null && slot == 0) {
            return null;
        }
        VectorNode result = editable(node, token);
        result.array[slot] = remainder;
        return result;
    }

    /**
     * Whether two tries of the same height and element count hold equal elements; shared subtrees are skipped.
     * Thread-safe.
     */
    static boolean sameElements(VectorNode a, VectorNode b, int level) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        for (int i = 0; i < WIDTH; i++) {
            if (!sameSlot(a.array[i], b.array[i], level)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameSlot(Object a, Object b, int level) {
        if (level == 0) {
            return a == null ? b == null : a.equals(b);
        }
        return sameElements((VectorNode) a, (VectorNode) b, level - BITS);
    }
}
