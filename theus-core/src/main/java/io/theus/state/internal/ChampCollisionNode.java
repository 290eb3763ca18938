package io.theus.state.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The bottom of a CHAMP trie path: two or more distinct keys whose 32-bit hash codes are identical, stored as an
 * unordered list of pairs ({@code k0, v0, k1, v1, ...}).
 *
 * <p>Thread-safe once published (see {@link ChampNode}). Pairs keep the order in which their keys arrived, so
 * iteration order among fully colliding keys depends on history; equality does not.
 */
final class ChampCollisionNode extends ChampNode {

    final int hash;
    Object[] content;

    ChampCollisionNode(Object owner, int hash, Object[] content) {
        super(owner);
        this.hash = hash;
        this.content = content;
    }

    /** Returns the value mapped to {@code key}, or {@code null}. Thread-safe, allocation-free. */
    Object find(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : content[at + 1];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < content.length; i += 2) {
            if (sameKey(key, content[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    int payloadArity() {
        return content.length / 2;
    }

    @Override
    int nodeArity() {
        return 0;
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
        throw new IndexOutOfBoundsException("a collision node has no children, asked for child " + index);
    }

    @Override
    boolean isSingleEntry() {
        return false;
    }

    @Override
    ChampCollisionNode updated(Object token, Object key, Object value, int keyHash, int shift, ChampChange change) {
        int at = indexOf(key);
        if (at < 0) {
            change.added();
            Object[] copy = Arrays.copyOf(content, content.length + 2);
            copy[content.length] = key;
            copy[content.length + 1] = value;
            return withContent(token, copy);
        }
        if (content[at + 1] == value) {
            return this;
        }
        change.replaced();
        Object[] copy = isOwnedBy(token) ? content : content.clone();
        copy[at + 1] = value;
        return withContent(token, copy);
    }

    @Override
    ChampNode removed(Object token, Object key, int keyHash, int shift, ChampChange change) {
        int at = indexOf(key);
        if (at < 0) {
            return this;
        }
        change.removed();
        if (content.length == 4) {
            int other = at == 0 ? 2 : 0;
            Object[] pair = {content[other], content[other + 1]};
            return new ChampBitmapNode(token, ChampBitmapNode.bit(hash, 0), 0, pair);
        }
        Object[] copy = new Object[content.length - 2];
        System.arraycopy(content, 0, copy, 0, at);
        System.arraycopy(content, at + 2, copy, at, content.length - at - 2);
        return withContent(token, copy);
    }

    private ChampCollisionNode withContent(Object token, Object[] newContent) {
        if (isOwnedBy(token)) {
            content = newContent;
            return this;
        }
        return new ChampCollisionNode(token, hash, newContent);
    }

    @Override
    boolean sameMappings(ChampNode other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof ChampCollisionNode that) || hash != that.hash || content.length != that.content.length) {
            return false;
        }
        for (int i = 0; i < content.length; i += 2) {
            if (!content[i + 1].equals(that.find(content[i]))) {
                return false;
            }
        }
        return true;
    }

    @Override
    void forEachMapping(BiConsumer<Object, Object> action) {
        for (int i = 0; i < content.length; i += 2) {
            action.accept(content[i], content[i + 1]);
        }
    }

    @Override
    int mappingHashSum() {
        int sum = 0;
        for (int i = 0; i < content.length; i += 2) {
            sum += content[i].hashCode() ^ content[i + 1].hashCode();
        }
        return sum;
    }

    @Override
    boolean containsValue(Object value) {
        for (int i = 1; i < content.length; i += 2) {
            if (value.equals(content[i])) {
                return true;
            }
        }
        return false;
    }

    @Override
    boolean allMappingsIn(Map<?, ?> other) {
        for (int i = 0; i < content.length; i += 2) {
            if (!content[i + 1].equals(other.get(content[i]))) {
                return false;
            }
        }
        return true;
    }
}
