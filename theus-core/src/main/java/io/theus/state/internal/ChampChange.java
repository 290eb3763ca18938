package io.theus.state.internal;

/**
 * What one update or removal did to a CHAMP trie: whether anything changed and by how much the size moved.
 *
 * <p>Not thread-safe: one instance serves one operation at a time (a persistent call allocates its own, a builder
 * reuses one after {@link #reset()}).
 */
final class ChampChange {

    private boolean modified;
    private int sizeDelta;

    /** Forgets the previous operation. Not thread-safe. */
    void reset() {
        modified = false;
        sizeDelta = 0;
    }

    /** Records that a new mapping was added. Not thread-safe. */
    void added() {
        modified = true;
        sizeDelta = 1;
    }

    /** Records that the value of an existing mapping was replaced. Not thread-safe. */
    void replaced() {
        modified = true;
    }

    /** Records that a mapping was removed. Not thread-safe. */
    void removed() {
        modified = true;
        sizeDelta = -1;
    }

    /** Whether the operation changed the trie. Not thread-safe. */
    boolean modified() {
        return modified;
    }

    /** How the number of mappings changed: -1, 0 or +1. Not thread-safe. */
    int sizeDelta() {
        return sizeDelta;
    }
}
