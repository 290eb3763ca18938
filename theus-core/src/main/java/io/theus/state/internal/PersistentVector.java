package io.theus.state.internal;

import static io.theus.state.internal.VectorNode.BITS;
import static io.theus.state.internal.VectorNode.MASK;
import static io.theus.state.internal.VectorNode.WIDTH;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * An immutable list with structural sharing: a Clojure-style 32-way trie plus a tail buffer for the last (up to)
 * 32 elements. Thread-safe: instances never change after construction, are safely publishable (all state is reached
 * through final fields) and may be read concurrently from any thread.
 *
 * <p>It is a {@link List}, so it can be handed out without copying, but every mutator of the {@code List}
 * interface, of its iterators and of its {@link #subList sub-lists} throws {@link UnsupportedOperationException}.
 * Use {@link #plus}, {@link #with}, {@link #minusLast}, {@link #removeAt} or a {@link Builder} to derive new vectors.
 * Elements may not be {@code null}. Indexed access and {@link #with} are O(log32 n); {@link #plus} and
 * {@link #minusLast} are amortised O(1).
 *
 * @param <E> the element type
 */
public final class PersistentVector<E> extends AbstractList<E> implements List<E>, RandomAccess {

    private static final VectorNode EMPTY_ROOT = VectorNode.emptyInterior(null);
    private static final PersistentVector<Object> EMPTY = new PersistentVector<>(0, BITS, EMPTY_ROOT, new Object[0]);

    private final int size;
    /** Height of the trie in bits: the root sits at level {@code shift}, leaves at level 0. */
    private final int shift;
    private final VectorNode root;
    /** The last {@code size - tailOffset(size)} elements, exactly that long. */
    private final Object[] tail;
    /** Lazily computed hash code; a benign race like {@link String#hashCode()}, since ints are written whole. */
    private int hash;
    private boolean hashIsZero;

    private PersistentVector(int size, int shift, VectorNode root, Object[] tail) {
        this.size = size;
        this.shift = shift;
        this.root = root;
        this.tail = tail;
    }

    /**
     * Returns the empty vector. Thread-safe; always the same instance.
     *
     * @param <E> the element type
     * @return the empty vector
     */
    @SuppressWarnings("unchecked")
    public static <E> PersistentVector<E> empty() {
        return (PersistentVector<E>) EMPTY;
    }

    /**
     * Returns a persistent vector with the elements of {@code elements}, in iteration order. Thread-safe if
     * {@code elements} is not changed meanwhile. Returns {@code elements} itself if it is already a
     * {@code PersistentVector}.
     *
     * @param elements the elements to copy
     * @param <E> the element type
     * @return a persistent vector with the same elements
     * @throws NullPointerException if {@code elements} holds {@code null}
     */
    @SuppressWarnings("unchecked")
    public static <E> PersistentVector<E> copyOf(Collection<? extends E> elements) {
        if (elements instanceof PersistentVector<? extends E> persistent) {
            return (PersistentVector<E>) persistent; // safe: an immutable list is covariant in practice
        }
        Builder<E> builder = builder();
        for (E element : elements) {
            builder.add(element);
        }
        return builder.build();
    }

    /**
     * Returns a new, empty transient builder. Thread-safe; the builder itself is not.
     *
     * @param <E> the element type
     * @return a builder starting from the empty vector
     */
    public static <E> Builder<E> builder() {
        return new Builder<>(0, BITS, EMPTY_ROOT, new Object[0]);
    }

    /**
     * Returns a transient builder that starts with this vector's elements; this vector is not affected by it.
     * Thread-safe; the builder itself is not.
     *
     * @return a builder starting from this vector
     */
    public Builder<E> toBuilder() {
        return new Builder<>(size, shift, root, tail);
    }

    /** The index of the first element held in the tail. */
    private static int tailOffset(int size) {
        return size < WIDTH ? 0 : ((size - 1) >>> BITS) << BITS;
    }

    /** Whether a trie of height {@code shift} is full once the full tail of a {@code size}-vector is pushed. */
    private static boolean rootOverflows(int size, int shift) {
        return (size >>> BITS) > (1 << shift);
    }

    /** Whether a root can drop one level after its last leaf was popped. */
    private static boolean rootCanShrink(VectorNode root, int shift) {
        return shift > BITS && root.array[1] == null;
    }

    private Object[] leafFor(int index) {
        return index >= tailOffset(size) ? tail : VectorNode.leafFor(root, shift, index);
    }

    private Object elementAt(int index) {
        return leafFor(index)[index & MASK];
    }

    /**
     * Returns the element at {@code index}. Thread-safe, allocation-free. O(log32 n).
     *
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
     */
    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size);
        return (E) elementAt(index);
    }

    /** Returns the number of elements. Thread-safe. O(1). */
    @Override
    public int size() {
        return size;
    }

    /**
     * Returns a vector with {@code element} appended. Thread-safe. Amortised O(1).
     *
     * @param element the element to append, not {@code null}
     * @return the longer vector
     * @throws NullPointerException if {@code element} is {@code null}
     */
    public PersistentVector<E> plus(E element) {
        requireElement(element);
        if (size - tailOffset(size) < WIDTH) {
            Object[] longerTail = Arrays.copyOf(tail, tail.length + 1);
            longerTail[tail.length] = element;
            return new PersistentVector<>(size + 1, shift, root, longerTail);
        }
        return withTailPushedInto(element);
    }

    /** Moves the full tail into the trie (growing the root if needed) and starts a new tail with {@code element}. */
    private PersistentVector<E> withTailPushedInto(Object element) {
        VectorNode leaf = new VectorNode(null, tail);
        Object[] newTail = {element};
        if (rootOverflows(size, shift)) {
            VectorNode grown = VectorNode.emptyInterior(null);
            grown.array[0] = root;
            grown.array[1] = VectorNode.newPath(null, shift, leaf);
            return new PersistentVector<>(size + 1, shift + BITS, grown, newTail);
        }
        VectorNode pushed = VectorNode.pushLeaf(null, size - 1, shift, root, leaf);
        return new PersistentVector<>(size + 1, shift, pushed, newTail);
    }

    /**
     * Returns a vector with the element at {@code index} replaced by {@code element}. Thread-safe. Returns this
     * vector itself if that element is already identical ({@code ==}). O(log32 n).
     *
     * @param index the position to replace
     * @param element the new element, not {@code null}
     * @return the updated vector
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}; the message names both
     * @throws NullPointerException if {@code element} is {@code null}
     */
    public PersistentVector<E> with(int index, E element) {
        Objects.checkIndex(index, size);
        requireElement(element);
        if (elementAt(index) == element) {
            return this;
        }
        if (index >= tailOffset(size)) {
            Object[] newTail = tail.clone();
            newTail[index & MASK] = element;
            return new PersistentVector<>(size, shift, root, newTail);
        }
        return new PersistentVector<>(size, shift, VectorNode.assoc(null, shift, root, index, element), tail);
    }

    /**
     * Returns a vector without its last element. Thread-safe. Amortised O(1).
     *
     * @return the shorter vector
     * @throws NoSuchElementException if this vector is empty
     */
    public PersistentVector<E> minusLast() {
        if (size == 0) {
            throw new NoSuchElementException("cannot remove the last element of an empty PersistentVector");
        }
        if (size == 1) {
            return empty();
        }
        if (size - tailOffset(size) > 1) {
            return new PersistentVector<>(size - 1, shift, root, Arrays.copyOf(tail, tail.length - 1));
        }
        return withLastLeafAsTail();
    }

    /** Drops the one-element tail and makes the trie's last leaf the new tail, lowering the root if it can. */
    private PersistentVector<E> withLastLeafAsTail() {
        Object[] newTail = VectorNode.leafFor(root, shift, size - 2);
        VectorNode popped = VectorNode.popLeaf(null, size - 2, shift, root);
        VectorNode newRoot = popped == null ? EMPTY_ROOT : popped;
        if (rootCanShrink(newRoot, shift)) {
            return new PersistentVector<>(size - 1, shift - BITS, (VectorNode) newRoot.array[0], newTail);
        }
        return new PersistentVector<>(size - 1, shift, newRoot, newTail);
    }

    /**
     * Returns a vector without the element at {@code index}; later elements move down by one. Thread-safe.
     * O(log32 n) for the last index, otherwise O((size - index) log32 n).
     *
     * @param index the position to remove
     * @return the shorter vector
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}; the message names both
     */
    public PersistentVector<E> removeAt(int index) {
        Objects.checkIndex(index, size);
        if (index == size - 1) {
            return minusLast();
        }
        Builder<E> builder = toBuilder();
        for (int i = index; i < size - 1; i++) {
            builder.store(i, elementAt(i + 1));
        }
        return builder.removeLast().build();
    }

    /** Calls {@code action} for every element in order, walking leaf arrays directly. Thread-safe. */
    @Override
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super E> action) {
        Objects.requireNonNull(action, "action");
        for (int start = 0; start < size; start += WIDTH) {
            Object[] leaf = leafFor(start);
            for (int i = 0, end = Math.min(WIDTH, size - start); i < end; i++) {
                action.accept((E) leaf[i]);
            }
        }
    }

    /** Returns an iterator that cannot change this vector. Thread-safe; the iterator itself is not. */
    @Override
    public Iterator<E> iterator() {
        return new Cursor(0);
    }

    /** Returns a list iterator that cannot change this vector. Thread-safe; the iterator itself is not. */
    @Override
    public ListIterator<E> listIterator() {
        return new Cursor(0);
    }

    /**
     * Returns a list iterator starting at {@code index} that cannot change this vector. Thread-safe; the iterator
     * itself is not.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size()]}
     */
    @Override
    public ListIterator<E> listIterator(int index) {
        Objects.checkIndex(index, size + 1);
        return new Cursor(index);
    }

    /**
     * Returns a read-only view of the elements in {@code [from, to)}, as {@link Collections#unmodifiableList} makes
     * them: its mutators throw {@link UnsupportedOperationException}. Thread-safe. O(1).
     */
    @Override
    public List<E> subList(int from, int to) {
        return Collections.unmodifiableList(super.subList(from, to));
    }

    /**
     * Returns a read-only reverse-ordered view, as {@link Collections#unmodifiableList} makes them: its mutators
     * throw {@link UnsupportedOperationException}. Thread-safe. O(1).
     */
    @Override
    public List<E> reversed() {
        return Collections.unmodifiableList(super.reversed());
    }

    /**
     * Compares by elements, as {@link List#equals} requires. Thread-safe. Against another {@code PersistentVector}
     * this walks both tries together and skips shared subtrees.
     */
    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (other instanceof PersistentVector<?> that) {
            if (size != that.size) {
                return false;
            }
            if (shift == that.shift) { // always true: the trie height is a function of the size
                return Arrays.equals(tail, that.tail) && VectorNode.sameElements(root, that.root, shift);
            }
        }
        return super.equals(other);
    }

    /** Returns the hash code that {@link List#hashCode} defines. Thread-safe; computed once. */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0 && !hashIsZero) {
            h = computeHashCode();
            if (h == 0) {
                hashIsZero = true;
            } else {
                hash = h;
            }
        }
        return h;
    }

    private int computeHashCode() {
        int[] h = {1};
        forEach(element -> h[0] = 31 * h[0] + element.hashCode());
        return h[0];
    }

    private static void requireElement(Object element) {
        Objects.requireNonNull(element, "PersistentVector does not accept null elements");
    }

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException(
                "PersistentVector is immutable; use plus, with, removeAt or a builder");
    }

    // ------------------------------------------------------------------------------------- rejected mutators

    /** Unsupported, thread-safe: always throws, this vector is immutable (use {@link #plus}). */
    @Override
    public boolean add(E element) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable. */
    @Override
    public void add(int index, E element) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable (use {@link #with}). */
    @Override
    public E set(int index, E element) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable (use {@link #removeAt}). */
    @Override
    public E remove(int index) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable. */
    @Override
    public boolean remove(Object element) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable (use a {@link Builder}). */
    @Override
    public boolean addAll(Collection<? extends E> elements) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable. */
    @Override
    public boolean addAll(int index, Collection<? extends E> elements) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable. */
    @Override
    public boolean removeAll(Collection<?> elements) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable. */
    @Override
    public boolean retainAll(Collection<?> elements) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable. */
    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable (use {@link #empty}). */
    @Override
    public void clear() {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable. */
    @Override
    public void replaceAll(UnaryOperator<E> operator) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable. */
    @Override
    public void sort(Comparator<? super E> comparator) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable. */
    @Override
    protected void removeRange(int from, int to) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable. */
    @Override
    public void addFirst(E element) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable (use {@link #plus}). */
    @Override
    public void addLast(E element) {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable. */
    @Override
    public E removeFirst() {
        throw immutable();
    }

    /** Unsupported, thread-safe: always throws, this vector is immutable (use {@link #minusLast}). */
    @Override
    public E removeLast() {
        throw immutable();
    }

    // ------------------------------------------------------------------------------------------------ cursor

    /** A list iterator that remembers the leaf it is in, so stepping costs O(1) instead of O(log32 n). */
    private final class Cursor implements ListIterator<E> {

        private int next;
        private Object[] leaf;
        private int leafStart = -1;

        Cursor(int next) {
            this.next = next;
        }

        @SuppressWarnings("unchecked")
        private E elementAt(int index) {
            int start = index & ~MASK;
            if (start != leafStart) {
                leaf = leafFor(index);
                leafStart = start;
            }
            return (E) leaf[index & MASK];
        }

        /** Whether an element follows. Not thread-safe. */
        @Override
        public boolean hasNext() {
            return next < size;
        }

        /** Returns the next element. Not thread-safe. */
        @Override
        public E next() {
            if (next >= size) {
                throw new NoSuchElementException("no element after index " + (next - 1) + " of " + size);
            }
            return elementAt(next++);
        }

        /** Whether an element precedes. Not thread-safe. */
        @Override
        public boolean hasPrevious() {
            return next > 0;
        }

        /** Returns the previous element. Not thread-safe. */
        @Override
        public E previous() {
            if (next <= 0) {
                throw new NoSuchElementException("no element before index 0");
            }
            return elementAt(--next);
        }

        /** Index of the element {@link #next()} would return. Not thread-safe. */
        @Override
        public int nextIndex() {
            return next;
        }

        /** Index of the element {@link #previous()} would return. Not thread-safe. */
        @Override
        public int previousIndex() {
            return next - 1;
        }

        /** Unsupported: always throws, the vector is immutable. */
        @Override
        public void remove() {
            throw immutable();
        }

        /** Unsupported: always throws, the vector is immutable. */
        @Override
        public void set(E element) {
            throw immutable();
        }

        /** Unsupported: always throws, the vector is immutable. */
        @Override
        public void add(E element) {
            throw immutable();
        }
    }

    // ----------------------------------------------------------------------------------------------- builder

    /**
     * A transient vector for bulk construction. Not thread-safe: confine a builder to one thread.
     *
     * <p>It edits in place the trie nodes and the tail buffer it created itself (Clojure-style owner token) and
     * copies any node shared with a persistent vector before touching it, so the vector it started from never
     * changes. {@link #build()} hands the nodes over and retires the builder: every later call throws
     * {@link IllegalStateException}, and the built vector never changes afterwards.
     *
     * @param <E> the element type
     */
    public static final class Builder<E> {

        private Object owner = new Object();
        private int size;
        private int shift;
        private VectorNode root;
        /** Always {@link VectorNode#WIDTH} long; slots at and after {@code size - tailOffset(size)} are null. */
        private Object[] tail;

        private Builder(int size, int shift, VectorNode root, Object[] tail) {
            this.size = size;
            this.shift = shift;
            this.root = root;
            this.tail = Arrays.copyOf(tail, WIDTH);
        }

        /**
         * Appends {@code element}. Not thread-safe. Amortised O(1).
         *
         * @param element the element, not {@code null}
         * @return this builder
         * @throws NullPointerException if {@code element} is {@code null}
         * @throws IllegalStateException if {@link #build()} was already called
         */
        public Builder<E> add(E element) {
            liveOwner();
            requireElement(element);
            if (size - tailOffset(size) == WIDTH) {
                pushTail();
            }
            tail[size & MASK] = element;
            size++;
            return this;
        }

        private void pushTail() {
            VectorNode leaf = new VectorNode(owner, tail);
            if (rootOverflows(size, shift)) {
                VectorNode grown = VectorNode.emptyInterior(owner);
                grown.array[0] = root;
                grown.array[1] = VectorNode.newPath(owner, shift, leaf);
                root = grown;
                shift += BITS;
            } else {
                root = VectorNode.pushLeaf(owner, size - 1, shift, root, leaf);
            }
            tail = new Object[WIDTH];
        }

        /**
         * Replaces the element at {@code index}. Not thread-safe. O(log32 n).
         *
         * @param index the position to replace
         * @param element the new element, not {@code null}
         * @return this builder
         * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}; the message names both
         * @throws NullPointerException if {@code element} is {@code null}
         * @throws IllegalStateException if {@link #build()} was already called
         */
        public Builder<E> set(int index, E element) {
            liveOwner();
            Objects.checkIndex(index, size);
            requireElement(element);
            store(index, element);
            return this;
        }

        private void store(int index, Object element) {
            if (index >= tailOffset(size)) {
                tail[index & MASK] = element;
            } else {
                root = VectorNode.assoc(owner, shift, root, index, element);
            }
        }

        /**
         * Removes the last element. Not thread-safe. Amortised O(1).
         *
         * @return this builder
         * @throws NoSuchElementException if the builder is empty
         * @throws IllegalStateException if {@link #build()} was already called
         */
        public Builder<E> removeLast() {
            liveOwner();
            if (size == 0) {
                throw new NoSuchElementException("cannot remove the last element of an empty PersistentVector.Builder");
            }
            if (size == 1 || size - tailOffset(size) > 1) {
                size--;
                tail[size & MASK] = null;
            } else {
                makeLastLeafTheTail();
            }
            return this;
        }

        private void makeLastLeafTheTail() {
            Object[] newTail = VectorNode.leafFor(root, shift, size - 2).clone();
            VectorNode popped = VectorNode.popLeaf(owner, size - 2, shift, root);
            root = popped == null ? EMPTY_ROOT : popped;
            if (rootCanShrink(root, shift)) {
                root = (VectorNode) root.array[0];
                shift -= BITS;
            }
            tail = newTail;
            size--;
        }

        /**
         * Returns the number of elements so far. Not thread-safe.
         *
         * @return the current size
         * @throws IllegalStateException if {@link #build()} was already called
         */
        public int size() {
            liveOwner();
            return size;
        }

        /**
         * Returns the vector and retires this builder. Not thread-safe.
         *
         * @return an immutable vector with the builder's elements
         * @throws IllegalStateException if {@link #build()} was already called
         */
        public PersistentVector<E> build() {
            liveOwner();
            owner = null;
            PersistentVector<E> built = size == 0
                    ? empty()
                    : new PersistentVector<>(size, shift, root, Arrays.copyOf(tail, size - tailOffset(size)));
            root = null;
            tail = null;
            return built;
        }

        private void liveOwner() {
            if (owner == null) {
                throw new IllegalStateException("this PersistentVector.Builder was already built; start a new one");
            }
        }
    }
}
