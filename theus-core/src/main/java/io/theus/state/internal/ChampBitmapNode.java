package io.theus.state.internal;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One level of the CHAMP trie: a 32-way branch indexed by a 5-bit fragment of the key hash.
 *
 * <p>Thread-safe once published (see {@link ChampNode}). Layout of {@link #content}: the key-value pairs in
 * fragment order first ({@code k0, v0, k1, v1, ...}), then the child nodes in reverse fragment order at the end.
 * {@link #dataMap} marks fragments holding an inline pair, {@link #nodeMap} fragments holding a child; the two
 * never overlap.
 *
 * <p>Canonical form: every non-root node holds at least two mappings in its subtree; a subtree that shrinks to one
 * mapping is inlined into its parent. Together with fragment-ordered storage, equal maps therefore have the same
 * shape, whatever order their keys were added or removed in.
 *
 * <p>A node owned by a live builder may keep spare (null) slots between its pairs and its children, so that the
 * builder can insert without reallocating; all index arithmetic counts pairs from the front and children from the
 * back, so the gap is invisible. {@link #trimOwned} removes it before the builder publishes the node: published
 * nodes are exact.
 */
final class ChampBitmapNode extends ChampNode {

    /** The root of the empty map. */
    static final ChampBitmapNode EMPTY = new ChampBitmapNode(null, 0, 0, new Object[0]);
    /** Most slots a node can need: 32 fragments, each holding a pair (2 slots) or a child (1 slot). */
    private static final int MAX_CONTENT = 2 * (MASK + 1);

    int dataMap;
    int nodeMap;
    Object[] content;

    ChampBitmapNode(Object owner, int dataMap, int nodeMap, Object[] content) {
        super(owner);
        this.dataMap = dataMap;
        this.nodeMap = nodeMap;
        this.content = content;
    }

    /** The bitmap bit for {@code hash} at the level of {@code shift}. Thread-safe. */
    static int bit(int hash, int shift) {
        return 1 << ((hash >>> shift) & MASK);
    }

    /**
     * Looks {@code key} up from this root without allocating; returns its value or {@code null}. Thread-safe.
     */
    Object find(Object key, int hash) {
        ChampBitmapNode node = this;
        for (int shift = 0; ; shift += BITS) {
            int bit = bit(hash, shift);
            if ((node.dataMap & bit) != 0) {
                return node.valueIfKeyAt(node.dataIndex(bit), key);
            }
            if ((node.nodeMap & bit) == 0) {
                return null;
            }
            ChampNode child = node.nodeAt(node.nodeIndex(bit));
            if (!(child instanceof ChampBitmapNode bitmapChild)) {
                return ((ChampCollisionNode) child).find(key);
            }
            node = bitmapChild;
        }
    }

    private Object valueIfKeyAt(int index, Object key) {
        int at = 2 * index;
        return sameKey(key, content[at]) ? content[at + 1] : null;
    }

    private int dataIndex(int bit) {
        return Integer.bitCount(dataMap & (bit - 1));
    }

    private int nodeIndex(int bit) {
        return Integer.bitCount(nodeMap & (bit - 1));
    }

    /** End (exclusive) of the pairs at the front of {@link #content}. */
    private int pairEnd() {
        return 2 * Integer.bitCount(dataMap);
    }

    /** Start of the children at the back of {@link #content}. */
    private int childStart() {
        return content.length - Integer.bitCount(nodeMap);
    }

    @Override
    int payloadArity() {
        return Integer.bitCount(dataMap);
    }

    @Override
    int nodeArity() {
        return Integer.bitCount(nodeMap);
    }

    @Override
    Object keyAt(int index) {
        return content[2 * index];
    }

    @Override
    Object valueAt(int index) {
        return content[2 * index + 1];
    }

    @Override
    ChampNode nodeAt(int index) {
        return (ChampNode) content[content.length - 1 - index];
    }

    @Override
    boolean isSingleEntry() {
        return nodeMap == 0 && Integer.bitCount(dataMap) == 1;
    }

    // ---------------------------------------------------------------------------------------------- update

    @Override
    ChampBitmapNode updated(Object token, Object key, Object value, int hash, int shift, ChampChange change) {
        int bit = bit(hash, shift);
        if ((dataMap & bit) != 0) {
            return updatedAtPair(token, key, value, hash, shift, bit, change);
        }
        if ((nodeMap & bit) != 0) {
            return updatedInChild(token, key, value, hash, shift, bit, change);
        }
        change.added();
        return withPairInserted(token, bit, key, value);
    }

    private ChampBitmapNode updatedAtPair(
            Object token, Object key, Object value, int hash, int shift, int bit, ChampChange change) {
        int index = dataIndex(bit);
        Object storedKey = keyAt(index);
        if (sameKey(key, storedKey)) {
            if (valueAt(index) == value) {
                return this;
            }
            change.replaced();
            return withValue(token, index, value);
        }
        ChampNode pair = merge(token, storedKey, valueAt(index), storedKey.hashCode(), key, value, hash, shift + BITS);
        change.added();
        return withPairMovedToChild(token, bit, pair);
    }

    private ChampBitmapNode updatedInChild(
            Object token, Object key, Object value, int hash, int shift, int bit, ChampChange change) {
        int index = nodeIndex(bit);
        ChampNode child = nodeAt(index);
        ChampNode updatedChild = child.updated(token, key, value, hash, shift + BITS, change);
        return updatedChild == child ? this : withChild(token, index, updatedChild);
    }

    /**
     * Builder fast path for {@link #updated}: walks down iteratively, claiming (copying) every node on the path that
     * {@code token} does not own yet, then edits the bottom node in place. Returns the root, owned by {@code token}.
     * Not thread-safe; {@code token} must be a live builder's.
     */
    ChampBitmapNode putOwned(Object token, Object key, Object value, int hash, ChampChange change) {
        ChampBitmapNode top = ownedBy(token);
        ChampBitmapNode node = top;
        for (int shift = 0; ; shift += BITS) {
            int bit = bit(hash, shift);
            if ((node.nodeMap & bit) == 0) {
                node.putHere(token, key, value, hash, shift, bit, change);
                return top;
            }
            int index = node.nodeIndex(bit);
            ChampNode child = node.nodeAt(index);
            if (child instanceof ChampCollisionNode collision) {
                node.withChild(token, index, collision.updated(token, key, value, hash, shift + BITS, change));
                return top;
            }
            node = node.ownedChild(token, index, (ChampBitmapNode) child);
        }
    }

    private void putHere(Object token, Object key, Object value, int hash, int shift, int bit, ChampChange change) {
        if ((dataMap & bit) != 0) {
            updatedAtPair(token, key, value, hash, shift, bit, change);
        } else {
            change.added();
            withPairInserted(token, bit, key, value);
        }
    }

    private ChampBitmapNode ownedBy(Object token) {
        return isOwnedBy(token) ? this : new ChampBitmapNode(token, dataMap, nodeMap, content.clone());
    }

    /** Returns the {@code index}-th child, first replacing it by a copy owned by {@code token} if needed. */
    private ChampBitmapNode ownedChild(Object token, int index, ChampBitmapNode child) {
        ChampBitmapNode owned = child.ownedBy(token);
        if (owned != child) {
            content[content.length - 1 - index] = owned;
        }
        return owned;
    }

    /** Builds the smallest subtree holding two distinct keys, starting at the level of {@code shift}. */
    static ChampNode merge(Object token, Object k0, Object v0, int h0, Object k1, Object v1, int h1, int shift) {
        if (shift > MAX_SHIFT) {
            return new ChampCollisionNode(token, h0, new Object[] {k0, v0, k1, v1});
        }
        int bit0 = bit(h0, shift);
        int bit1 = bit(h1, shift);
        if (bit0 == bit1) {
            ChampNode child = merge(token, k0, v0, h0, k1, v1, h1, shift + BITS);
            return new ChampBitmapNode(token, 0, bit0, new Object[] {child});
        }
        Object[] pairs = Integer.compareUnsigned(bit0, bit1) < 0
                ? new Object[] {k0, v0, k1, v1}
                : new Object[] {k1, v1, k0, v0};
        return new ChampBitmapNode(token, bit0 | bit1, 0, pairs);
    }

    // --------------------------------------------------------------------------------------------- removal

    @Override
    ChampBitmapNode removed(Object token, Object key, int hash, int shift, ChampChange change) {
        int bit = bit(hash, shift);
        if ((dataMap & bit) != 0) {
            return removedAtPair(token, key, bit, change);
        }
        if ((nodeMap & bit) != 0) {
            return removedInChild(token, key, hash, shift, bit, change);
        }
        return this;
    }

    private ChampBitmapNode removedAtPair(Object token, Object key, int bit, ChampChange change) {
        if (!sameKey(key, keyAt(dataIndex(bit)))) {
            return this;
        }
        change.removed();
        return withPairRemoved(token, bit);
    }

    private ChampBitmapNode removedInChild(Object token, Object key, int hash, int shift, int bit, ChampChange change) {
        int index = nodeIndex(bit);
        ChampNode child = nodeAt(index);
        ChampNode shrunk = child.removed(token, key, hash, shift + BITS, change);
        if (!change.modified()) {
            return this;
        }
        if (shrunk.isSingleEntry()) {
            return inlineSingleEntry(token, shift, bit, (ChampBitmapNode) shrunk);
        }
        return shrunk == child ? this : withChild(token, index, shrunk);
    }

    /**
     * Keeps the canonical form after a child shrank to one mapping: a node left with nothing but that child hands it
     * up to its own parent (below the root), any other node stores the mapping inline.
     */
    private ChampBitmapNode inlineSingleEntry(Object token, int shift, int bit, ChampBitmapNode single) {
        if (shift > 0 && dataMap == 0 && nodeArity() == 1) {
            return single;
        }
        return withChildMovedToPair(token, bit, single);
    }

    // ----------------------------------------------------------------------------------- copy or edit in place

    private ChampBitmapNode withValue(Object token, int index, Object value) {
        int at = 2 * index + 1;
        if (isOwnedBy(token)) {
            content[at] = value;
            return this;
        }
        Object[] copy = content.clone();
        copy[at] = value;
        return new ChampBitmapNode(token, dataMap, nodeMap, copy);
    }

    private ChampBitmapNode withChild(Object token, int index, ChampNode child) {
        int at = content.length - 1 - index;
        if (isOwnedBy(token)) {
            content[at] = child;
            return this;
        }
        Object[] copy = content.clone();
        copy[at] = child;
        return new ChampBitmapNode(token, dataMap, nodeMap, copy);
    }

    private ChampBitmapNode withPairInserted(Object token, int bit, Object key, Object value) {
        if (isOwnedBy(token)) {
            insertPairInPlace(bit, key, value);
            return this;
        }
        int at = 2 * dataIndex(bit);
        Object[] copy = new Object[content.length + 2];
        System.arraycopy(content, 0, copy, 0, at);
        copy[at] = key;
        copy[at + 1] = value;
        System.arraycopy(content, at, copy, at + 2, content.length - at);
        return new ChampBitmapNode(token, dataMap | bit, nodeMap, copy);
    }

    private ChampBitmapNode withPairRemoved(Object token, int bit) {
        if (isOwnedBy(token)) {
            removePairInPlace(bit);
            return this;
        }
        int at = 2 * dataIndex(bit);
        Object[] copy = new Object[content.length - 2];
        System.arraycopy(content, 0, copy, 0, at);
        System.arraycopy(content, at + 2, copy, at, content.length - at - 2);
        return new ChampBitmapNode(token, dataMap ^ bit, nodeMap, copy);
    }

    private ChampBitmapNode withPairMovedToChild(Object token, int bit, ChampNode child) {
        if (isOwnedBy(token)) {
            removePairInPlace(bit);
            insertChildInPlace(bit, child);
            return this;
        }
        int pairAt = 2 * dataIndex(bit);
        int childAt = content.length - 2 - nodeIndex(bit);
        Object[] copy = new Object[content.length - 1];
        System.arraycopy(content, 0, copy, 0, pairAt);
        System.arraycopy(content, pairAt + 2, copy, pairAt, childAt - pairAt);
        copy[childAt] = child;
        System.arraycopy(content, childAt + 2, copy, childAt + 1, content.length - childAt - 2);
        return new ChampBitmapNode(token, dataMap ^ bit, nodeMap | bit, copy);
    }

    private ChampBitmapNode withChildMovedToPair(Object token, int bit, ChampBitmapNode single) {
        if (isOwnedBy(token)) {
            removeChildInPlace(bit);
            insertPairInPlace(bit, single.keyAt(0), single.valueAt(0));
            return this;
        }
        int childAt = content.length - 1 - nodeIndex(bit);
        int pairAt = 2 * dataIndex(bit);
        Object[] copy = new Object[content.length + 1];
        System.arraycopy(content, 0, copy, 0, pairAt);
        copy[pairAt] = single.keyAt(0);
        copy[pairAt + 1] = single.valueAt(0);
        System.arraycopy(content, pairAt, copy, pairAt + 2, childAt - pairAt);
        System.arraycopy(content, childAt + 1, copy, childAt + 2, content.length - childAt - 1);
        return new ChampBitmapNode(token, dataMap | bit, nodeMap ^ bit, copy);
    }

    // ------------------------------------------------------------------ in-place edits (owned nodes only)

    private void insertPairInPlace(int bit, Object key, Object value) {
        reserve(2);
        int at = 2 * dataIndex(bit);
        System.arraycopy(content, at, content, at + 2, pairEnd() - at);
        content[at] = key;
        content[at + 1] = value;
        dataMap |= bit;
    }

    private void removePairInPlace(int bit) {
        int at = 2 * dataIndex(bit);
        int pairEnd = pairEnd();
        System.arraycopy(content, at + 2, content, at, pairEnd - at - 2);
        content[pairEnd - 2] = null;
        content[pairEnd - 1] = null;
        dataMap ^= bit;
    }

    private void insertChildInPlace(int bit, ChampNode child) {
        reserve(1);
        int start = childStart();
        int at = content.length - 1 - nodeIndex(bit);
        System.arraycopy(content, start, content, start - 1, at - start + 1);
        content[at] = child;
        nodeMap |= bit;
    }

    private void removeChildInPlace(int bit) {
        int start = childStart();
        int at = content.length - 1 - nodeIndex(bit);
        System.arraycopy(content, start, content, start + 1, at - start);
        content[start] = null;
        nodeMap ^= bit;
    }

    /** Makes room for {@code slots} more slots, growing the array by half again so that builders amortise. */
    private void reserve(int slots) {
        int used = pairEnd() + nodeArity();
        if (content.length - used < slots) {
            relayOut(Math.min(MAX_CONTENT, used + slots + Math.max(2, used / 2)));
        }
    }

    /** Moves the pairs to the front and the children to the back of a new array of {@code capacity} slots. */
    private void relayOut(int capacity) {
        int pairEnd = pairEnd();
        int children = nodeArity();
        Object[] resized = new Object[capacity];
        System.arraycopy(content, 0, resized, 0, pairEnd);
        System.arraycopy(content, content.length - children, resized, capacity - children, children);
        content = resized;
    }

    /**
     * Drops the spare room of every node in this subtree that {@code token} owns, so that the builder can publish
     * the trie. Visits owned nodes only: a node {@code token} does not own has no owned descendants. Not
     * thread-safe.
     */
    void trimOwned(Object token) {
        if (!isOwnedBy(token)) {
            return;
        }
        int exact = pairEnd() + nodeArity();
        if (content.length != exact) {
            relayOut(exact);
        }
        for (int i = 0, end = nodeArity(); i < end; i++) {
            if (nodeAt(i) instanceof ChampBitmapNode child) {
                child.trimOwned(token);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ whole-tree

    @Override
    boolean sameMappings(ChampNode other) {
        if (other == this) {
            return true;
        }
        return other instanceof ChampBitmapNode that
                && dataMap == that.dataMap
                && nodeMap == that.nodeMap
                && samePairs(that)
                && sameChildren(that);
    }

    private boolean samePairs(ChampBitmapNode that) {
        for (int i = 0, end = 2 * payloadArity(); i < end; i++) {
            if (!content[i].equals(that.content[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean sameChildren(ChampBitmapNode that) {
        for (int i = 0, end = nodeArity(); i < end; i++) {
            if (!nodeAt(i).sameMappings(that.nodeAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    void forEachMapping(BiConsumer<Object, Object> action) {
        int pairEnd = 2 * payloadArity();
        for (int i = 0; i < pairEnd; i += 2) {
            action.accept(content[i], content[i + 1]);
        }
        for (int i = content.length - 1, start = childStart(); i >= start; i--) {
            ((ChampNode) content[i]).forEachMapping(action);
        }
    }

    @Override
    int mappingHashSum() {
        int sum = 0;
        int pairEnd = 2 * payloadArity();
        for (int i = 0; i < pairEnd; i += 2) {
            sum += content[i].hashCode() ^ content[i + 1].hashCode();
        }
        for (int i = childStart(); i < content.length; i++) {
            sum += ((ChampNode) content[i]).mappingHashSum();
        }
        return sum;
    }

    @Override
    boolean containsValue(Object value) {
        int pairEnd = 2 * payloadArity();
        for (int i = 1; i < pairEnd; i += 2) {
            if (value.equals(content[i])) {
                return true;
            }
        }
        for (int i = childStart(); i < content.length; i++) {
            if (((ChampNode) content[i]).containsValue(value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    boolean allMappingsIn(Map<?, ?> other) {
        int pairEnd = 2 * payloadArity();
        for (int i = 0; i < pairEnd; i += 2) {
            if (!content[i + 1].equals(other.get(content[i]))) {
                return false;
            }
        }
        for (int i = childStart(); i < content.length; i++) {
            if (!((ChampNode) content[i]).allMappingsIn(other)) {
                return false;
            }
        }
        return true;
    }
}
