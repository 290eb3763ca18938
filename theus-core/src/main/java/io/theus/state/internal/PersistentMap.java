package io.theus.state.internal;

import java.util.AbstractCollection;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An immutable hash map with structural sharing: a CHAMP trie (Compressed Hash-Array Mapped Prefix-tree, Steindorff
 * and Vinju, 2015). Thread-safe: instances never change after construction, are safely publishable (all state is
 * reached through final fields) and may be read concurrently from any thread.
 *
 * <p>It is a {@link Map}, so it can be handed out without copying, but every mutator of the {@code Map} interface,
 * of its views, their iterators and entries throws {@link UnsupportedOperationException}. Use {@link #plus},
 * {@link #minus} or a {@link Builder} to derive new maps instead.
 *
 * <p>Neither keys nor values may be {@code null}; writing one throws {@link NullPointerException}. Queries with a
 * {@code null} key ({@link #get}, {@link #containsKey}) simply find nothing, so this map compares safely with maps
 * that allow {@code null}.
 *
 * <p>Iteration order is hash order. The trie is kept canonical, so two equal maps have the same shape and iterate
 * in the same order however they were built; the only exception is the relative order of distinct keys whose
 * {@code hashCode()} values are identical, which follows insertion order. Equality between two persistent maps
 * compares shapes and skips shared subtrees.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class PersistentMap<K, V> implements Map<K, V> {

    private static final PersistentMap<Object, Object> EMPTY = new PersistentMap<>(ChampBitmapNode.EMPTY, 0);

    private final ChampBitmapNode root;
    private final int size;
    /** Lazily computed hash code; a benign race like {@link String#hashCode()}, since ints are written whole. */
    private int hash;
    private boolean hashIsZero;

    private PersistentMap(ChampBitmapNode root, int size) {
        this.root = root;
        this.size = size;
    }

    /**
     * Returns the empty map. Thread-safe; always the same instance.
     *
     * @param <K> the key type
     * @param <V> the value type
     * @return the empty map
     */
    @SuppressWarnings("unchecked")
    public static <K, V> PersistentMap<K, V> empty() {
        return (PersistentMap<K, V>) EMPTY;
    }

    /**
     * Returns a persistent map with the mappings of {@code map}. Thread-safe if {@code map} is not changed meanwhile.
     * Returns {@code map} itself if it is already a {@code PersistentMap}.
     *
     * @param map the mappings to copy
     * @param <K> the key type
     * @param <V> the value type
     * @return a persistent map equal to {@code map}
     * @throws NullPointerException if {@code map} holds a {@code null} key or value
     */
    @SuppressWarnings("unchecked")
    public static <K, V> PersistentMap<K, V> copyOf(Map<? extends K, ? extends V> map) {
        if (map instanceof PersistentMap<? extends K, ? extends V> persistent) {
            return (PersistentMap<K, V>) persistent; // safe: an immutable map is covariant in practice
        }
        Builder<K, V> builder = builder();
        map.forEach(builder::put);
        return builder.build();
    }

    /**
     * Returns a new, empty transient builder. Thread-safe; the builder itself is not.
     *
     * @param <K> the key type
     * @param <V> the value type
     * @return a builder starting from the empty map
     */
    public static <K, V> Builder<K, V> builder() {
        return new Builder<>(ChampBitmapNode.EMPTY, 0);
    }

    /**
     * Returns a transient builder that starts with this map's mappings; this map is not affected by it. Thread-safe;
     * the builder itself is not.
     *
     * @return a builder starting from this map
     */
    public Builder<K, V> toBuilder() {
        return new Builder<>(root, size);
    }

    /**
     * Returns a map that also maps {@code key} to {@code value}. Thread-safe. Returns this map itself if {@code key}
     * already maps to the identical ({@code ==}) value. O(log32 n).
     *
     * @param key the key, not {@code null}
     * @param value the value, not {@code null}
     * @return the updated map
     * @throws NullPointerException if {@code key} or {@code value} is {@code null}
     */
    public PersistentMap<K, V> plus(K key, V value) {
        requireKey(key);
        requireValue(value);
        ChampChange change = new ChampChange();
        ChampBitmapNode updated = root.updated(null, key, value, key.hashCode(), 0, change);
        return change.modified() ? new PersistentMap<>(updated, size + change.sizeDelta()) : this;
    }

    /**
     * Returns a map without a mapping for {@code key}. Thread-safe. Returns this map itself if {@code key} is absent.
     * O(log32 n).
     *
     * @param key the key to remove, not {@code null}
     * @return the updated map
     * @throws NullPointerException if {@code key} is {@code null}
     */
    public PersistentMap<K, V> minus(Object key) {
        requireKey(key);
        ChampChange change = new ChampChange();
        ChampBitmapNode updated = root.removed(null, key, key.hashCode(), 0, change);
        if (!change.modified()) {
            return this;
        }
        return size == 1 ? empty() : new PersistentMap<>(updated, size - 1);
    }

    /**
     * Returns the value mapped to {@code key}, or {@code null} if there is none (also for a {@code null} key).
     * Thread-safe, allocation-free. O(log32 n).
     */
    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        return key == null ? null : (V) root.find(key, key.hashCode());
    }

    /** Returns the value mapped to {@code key}, or {@code defaultValue} if there is none. Thread-safe. */
    @Override
    @SuppressWarnings("unchecked")
    public V getOrDefault(Object key, V defaultValue) {
        Object value = key == null ? null : root.find(key, key.hashCode());
        return value == null ? defaultValue : (V) value;
    }

    /** Whether {@code key} is mapped; {@code false} for {@code null}. Thread-safe, allocation-free. */
    @Override
    public boolean containsKey(Object key) {
        return key != null && root.find(key, key.hashCode()) != null;
    }

    /** Whether some key maps to a value equal to {@code value}; {@code false} for {@code null}. Thread-safe. O(n). */
    @Override
    public boolean containsValue(Object value) {
        return value != null && root.containsValue(value);
    }

    /** Returns the number of mappings. Thread-safe. O(1). */
    @Override
    public int size() {
        return size;
    }

    /** Whether there are no mappings. Thread-safe. */
    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    /** Calls {@code action} for every mapping in iteration order, without allocating per mapping. Thread-safe. */
    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action, "action");
        root.forEachMapping((BiConsumer<Object, Object>) action);
    }

    /** Returns an unmodifiable view of the keys. Thread-safe; the view and its iterators reject every change. */
    @Override
    public Set<K> keySet() {
        return Collections.unmodifiableSet(new KeyView());
    }

    /** Returns an unmodifiable view of the values. Thread-safe; the view and its iterators reject every change. */
    @Override
    public Collection<V> values() {
        return Collections.unmodifiableCollection(new ValueView());
    }

    /**
     * Returns an unmodifiable view of the mappings. Thread-safe; the view, its iterators and its entries (whose
     * {@code setValue} throws) reject every change.
     */
    @Override
    public Set<Entry<K, V>> entrySet() {
        return Collections.unmodifiableSet(new EntryView());
    }

    /**
     * Compares by mappings, as {@link Map#equals} requires. Thread-safe. Against another {@code PersistentMap} this
     * compares trie shapes and skips shared subtrees.
     */
    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (other instanceof PersistentMap<?, ?> that) {
            return size == that.size && root.sameMappings(that.root);
        }
        return other instanceof Map<?, ?> that && that.size() == size && allMappingsIn(that);
    }

    private boolean allMappingsIn(Map<?, ?> other) {
        try {
            return root.allMappingsIn(other);
        } catch (ClassCastException | NullPointerException incompatibleMap) {
            return false; // like AbstractMap.equals: a map that cannot hold our keys is not equal
        }
    }

    /** Returns the sum of {@code key.hashCode() ^ value.hashCode()}, as {@link Map#hashCode} requires. Thread-safe. */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0 && !hashIsZero) {
            h = root.mappingHashSum();
            if (h == 0) {
                hashIsZero = true;
            } else {
                hash = h;
            }
        }
        return h;
    }

    /** Returns {@code {k1=v1, k2=v2}} in iteration order. Thread-safe. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        root.forEachMapping((key, value) -> {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(key).append('=').append(value);
        });
        return text.append('}').toString();
    }

    // ------------------------------------------------------------------------------------- rejected mutators

    /** Unsupported, thread-safe: always throws, this map is immutable (use {@link #plus}). */
    @Override
    public V put(K key, V value) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this map is immutable (use {@link #minus}). */
    @Override
    public V remove(Object key) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this map is immutable. */
    @Override
    public boolean remove(Object key, Object value) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this map is immutable (use a {@link Builder}). */
    @Override
    public void putAll(Map<? extends K, ? extends V> map) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this map is immutable (use {@link #empty}). */
    @Override
    public void clear() {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this map is immutable. */
    @Override
    public V putIfAbsent(K key, V value) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this map is immutable. */
    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this map is immutable. */
    @Override
    public V replace(K key, V value) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this map is immutable. */
    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this map is immutable. */
    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this map is immutable. */
    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this map is immutable. */
    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this map is immutable. */
    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        throw immutable();
    }

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException("PersistentMap is immutable; use plus, minus or a builder");
    }

    private static void requireKey(Object key) {
        Objects.requireNonNull(key, "PersistentMap does not accept null keys");
    }

    private static void requireValue(Object value) {
        Objects.requireNonNull(value, "PersistentMap does not accept null values; an absent key means no value");
    }

    // ------------------------------------------------------------------------------------------------- views

    @SuppressWarnings("unchecked")
    private Iterator<K> keyIterator() {
        return new ChampIterator<>(root, (key, value) -> (K) key);
    }

    @SuppressWarnings("unchecked")
    private Iterator<V> valueIterator() {
        return new ChampIterator<>(root, (key, value) -> (V) value);
    }

    @SuppressWarnings("unchecked")
    private Iterator<Entry<K, V>> entryIterator() {
        return new ChampIterator<>(root, (key, value) -> Map.entry((K) key, (V) value));
    }

    /** The keys; read-only, wrapped by {@link Collections#unmodifiableSet} before it escapes. */
    private final class KeyView extends AbstractSet<K> {
        /** Iterates the keys in map order. Thread-safe; the iterator itself is not. */
        @Override
        public Iterator<K> iterator() {
            return keyIterator();
        }

        /** The number of mappings. Thread-safe. */
        @Override
        public int size() {
            return size;
        }

        /** Whether {@code key} is mapped. Thread-safe. */
        @Override
        public boolean contains(Object key) {
            return containsKey(key);
        }
    }

    /** The values; read-only, wrapped by {@link Collections#unmodifiableCollection} before it escapes. */
    private final class ValueView extends AbstractCollection<V> {
        /** Iterates the values in map order. Thread-safe; the iterator itself is not. */
        @Override
        public Iterator<V> iterator() {
            return valueIterator();
        }

        /** The number of mappings. Thread-safe. */
        @Override
        public int size() {
            return size;
        }

        /** Whether some key maps to {@code value}. Thread-safe. O(n). */
        @Override
        public boolean contains(Object value) {
            return containsValue(value);
        }
    }

    /** The mappings as immutable entries; read-only, wrapped by {@link Collections#unmodifiableSet}. */
    private final class EntryView extends AbstractSet<Entry<K, V>> {
        /** Iterates immutable entries in map order. Thread-safe; the iterator itself is not. */
        @Override
        public Iterator<Entry<K, V>> iterator() {
            return entryIterator();
        }

        /** The number of mappings. Thread-safe. */
        @Override
        public int size() {
            return size;
        }

        /** Whether {@code candidate} is an entry of the map. Thread-safe. */
        @Override
        public boolean contains(Object candidate) {
            return candidate instanceof Entry<?, ?> entry
                    && entry.getValue() != null
                    && entry.getValue().equals(get(entry.getKey()));
        }
    }

    // ----------------------------------------------------------------------------------------------- builder

    /**
     * A transient map for bulk construction. Not thread-safe: confine a builder to one thread.
     *
     * <p>It edits in place the trie nodes it created itself (Clojure-style owner token) and copies any node shared
     * with a persistent map before touching it, so the map it started from never changes. {@link #build()} hands
     * the nodes over and retires the builder: every later call throws {@link IllegalStateException}, and the built
     * map never changes afterwards.
     *
     * @param <K> the key type
     * @param <V> the value type
     */
    public static final class Builder<K, V> {

        private final ChampChange change = new ChampChange();
        private Object owner = new Object();
        private ChampBitmapNode root;
        private int size;

        private Builder(ChampBitmapNode root, int size) {
            this.root = root;
            this.size = size;
        }

        /**
         * Maps {@code key} to {@code value}, replacing any previous value. Not thread-safe.
         *
         * @param key the key, not {@code null}
         * @param value the value, not {@code null}
         * @return this builder
         * @throws NullPointerException if {@code key} or {@code value} is {@code null}
         * @throws IllegalStateException if {@link #build()} was already called
         */
        public Builder<K, V> put(K key, V value) {
            Object token = liveOwner();
            requireKey(key);
            requireValue(value);
            change.reset();
            root = root.putOwned(token, key, value, key.hashCode(), change);
            size += change.sizeDelta();
            return this;
        }

        /**
         * Removes the mapping for {@code key}, if any. Not thread-safe.
         *
         * @param key the key, not {@code null}
         * @return this builder
         * @throws NullPointerException if {@code key} is {@code null}
         * @throws IllegalStateException if {@link #build()} was already called
         */
        public Builder<K, V> remove(Object key) {
            Object token = liveOwner();
            requireKey(key);
            change.reset();
            root = root.removed(token, key, key.hashCode(), 0, change);
            size += change.sizeDelta();
            return this;
        }

        /**
         * Returns the number of mappings so far. Not thread-safe.
         *
         * @return the current size
         * @throws IllegalStateException if {@link #build()} was already called
         */
        public int size() {
            liveOwner();
            return size;
        }

        /**
         * Returns the map and retires this builder. Not thread-safe.
         *
         * @return an immutable map with the builder's mappings
         * @throws IllegalStateException if {@link #build()} was already called
         */
        public PersistentMap<K, V> build() {
            Object token = liveOwner();
            owner = null;
            root.trimOwned(token);
            ChampBitmapNode built = root;
            root = null;
            return size == 0 ? empty() : new PersistentMap<>(built, size);
        }

        private Object liveOwner() {
            if (owner == null) {
                throw new IllegalStateException("this PersistentMap.Builder was already built; start a new one");
            }
            return owner;
        }
    }
}
