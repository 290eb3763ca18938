package io.theus.state.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A map key whose hash code the test chooses, to force deep trie paths and full 32-bit hash collisions.
 *
 * <p>Thread-safe (immutable). Equality compares kind and id; the hash is a function of both, so the
 * {@code equals}/{@code hashCode} contract holds.
 *
 * @param kind which hash family the key belongs to
 * @param id the identity within the family
 * @param hash the hash code to report
 */
record TestKey(String kind, int id, int hash) {

    /** A key whose hash is {@code id % 3}: keys collide with each other and with the Integers 0, 1 and 2. */
    static TestKey colliding(int id) {
        return new TestKey("c", id, id % 3);
    }

    /** A key whose hash has only its top bits set, which puts it at the bottom of the trie. */
    static TestKey deep(int id) {
        return new TestKey("d", id, Integer.reverse(id));
    }

    /** A key that is both deep and colliding: hashes repeat every 4 ids and differ only in their top bits. */
    static TestKey deepColliding(int id) {
        return new TestKey("dc", id, Integer.reverse(id % 4));
    }

    /**
     * A small set of keys with every kind of hash trouble: dense Integers, full collisions (also across types),
     * and deep shared prefixes.
     */
    static List<Object> troublesomeKeys() {
        List<Object> keys = new ArrayList<>();
        for (int id = 0; id < 24; id++) {
            keys.add(id);
        }
        for (int id = 0; id < 12; id++) {
            keys.add(colliding(id));
            keys.add(deep(id));
            keys.add(deepColliding(id));
        }
        return List.copyOf(keys);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return kind + id;
    }
}
