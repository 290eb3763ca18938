package io.theus.state.internal;

import io.theus.state.Zone;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Read-only views that hide PRIVATE ({@code internal_}) keys at every depth, for values handed to processes outside
 * an admin scope. Views are lazy: nested maps and lists are wrapped when reached. Nothing is copied; the views cannot
 * mutate anything.
 *
 * <p>Immutable and thread-safe (the underlying values are immutable).
 */
public final class PrivateView {
    private PrivateView() {
    }

    /**
     * Wraps a value if it can contain keys.
     *
     * @param value any value
     * @return a hiding view of maps and lists, or the value itself
     */
    public static Object hide(Object value) {
        if (value instanceof PersistentMap<?, ?> m) {
            return new HidingMap(m);
        }
        if (value instanceof PersistentVector<?> v) {
            return new HidingList(v);
        }
        return value;
    }

    private static boolean hidden(Object key) {
        return key instanceof String s && Zone.ofSegment(s) == Zone.PRIVATE;
    }

    private static final class HidingMap extends AbstractMap<String, Object> {
        private final Map<?, ?> map;

        HidingMap(Map<?, ?> map) {
            this.map = map;
        }

        @Override
        public Object get(Object key) {
            return hidden(key) ? null : hide(map.get(key));
        }

        @Override
        public boolean containsKey(Object key) {
            return !hidden(key) && map.containsKey(key);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Filtering(map.entrySet().iterator());
                }

                @Override
                public int size() {
                    int n = 0;
                    for (Object k : map.keySet()) {
                        n += hidden(k) ? 0 : 1;
                    }
                    return n;
                }
            };
        }
    }

    private static final class Filtering implements Iterator<Map.Entry<String, Object>> {
        private final Iterator<? extends Map.Entry<?, ?>> it;
        private Map.Entry<String, Object> next;

        Filtering(Iterator<? extends Map.Entry<?, ?>> it) {
            this.it = it;
            advance();
        }

        private void advance() {
            next = null;
            while (it.hasNext() && next == null) {
                Map.Entry<?, ?> e = it.next();
                if (!hidden(e.getKey())) {
                    next = Map.entry((String) e.getKey(), hide(e.getValue()));
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Map.Entry<String, Object> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Map.Entry<String, Object> e = next;
            advance();
            return e;
        }
    }

    private static final class HidingList extends AbstractList<Object> {
        private final List<?> list;

        HidingList(List<?> list) {
            this.list = list;
        }

        @Override
        public Object get(int index) {
            return hide(list.get(index));
        }

        @Override
        public int size() {
            return list.size();
        }
    }
}
