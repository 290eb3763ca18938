package io.theus.state.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;

/**
 * Walks a CHAMP trie depth-first, in canonical order: a node's inline pairs, then its children in fragment order.
 *
 * <p>Not thread-safe (an iterator belongs to one thread), but it only reads the immutable trie. It cannot remove:
 * {@link #remove()} always throws {@link UnsupportedOperationException}.
 *
 * @param <T> what each mapping is turned into (key, value or entry)
 */
final class ChampIterator<T> implements Iterator<T> {

    private final BiFunction<Object, Object, T> element;
    private final ChampNode[] nodes = new ChampNode[ChampNode.MAX_DEPTH + 1];
    private final int[] nextChild = new int[ChampNode.MAX_DEPTH + 1];
    private int depth = -1;
    private ChampNode current;
    private int nextPair;
    private int pairCount;

    ChampIterator(ChampNode root, BiFunction<Object, Object, T> element) {
        this.element = element;
        enter(root);
    }

    /** Makes {@code node}'s pairs the current ones and schedules its children. */
    private void enter(ChampNode node) {
        if (node.nodeArity() > 0) {
            depth++;
            nodes[depth] = node;
            nextChild[depth] = 0;
        }
        current = node;
        nextPair = 0;
        pairCount = node.payloadArity();
    }

    /** Whether another mapping follows. Not thread-safe. */
    @Override
    public boolean hasNext() {
        while (nextPair == pairCount) {
            if (depth < 0) {
                return false;
            }
            advanceToNextChild();
        }
        return true;
    }

    private void advanceToNextChild() {
        ChampNode parent = nodes[depth];
        int index = nextChild[depth]++;
        if (nextChild[depth] == parent.nodeArity()) {
            nodes[depth--] = null;
        }
        enter(parent.nodeAt(index));
    }

    /** Returns the next mapping, converted. Not thread-safe. */
    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int index = nextPair++;
        return element.apply(current.keyAt(index), current.valueAt(index));
    }

    /** Always throws: persistent maps cannot be changed through their iterators. Not thread-safe. */
    @Override
    public void remove() {
        throw new UnsupportedOperationException("persistent map iterators cannot remove");
    }
}
