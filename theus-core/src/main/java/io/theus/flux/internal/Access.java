package io.theus.flux.internal;

import io.theus.state.Zone;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Indexing of values in conditions: dicts by string key, lists and strings by integer (negative counts from the
 * end, as in Python). Nothing else can be indexed: there is no way to reach fields or methods of Java objects.
 *
 * <p>Stateless and thread-safe.
 */
final class Access {
    private Access() {
    }

    /** A missing dict key: the caller knows how to name where it was looked up. */
    static final class Missing extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Missing INSTANCE = new Missing();

        private Missing() {
            super(null, null, false, false);
        }
    }

    static Object index(Object target, Object key) {
        if (target instanceof Map<?, ?> m) {
            if (!(key instanceof String k)) {
                throw new EvalFault("dict keys are strings, not " + Values.describe(key));
            }
            Object v = m.get(k);
            if (v == null && !m.containsKey(k)) {
                throw Missing.INSTANCE;
            }
            return v;
        }
        if (target instanceof List<?> l) {
            return l.get(position(key, l.size(), "list"));
        }
        if (target instanceof CharSequence s) {
            return String.valueOf(s.charAt(position(key, s.length(), "str")));
        }
        if (target == null) {
            throw new EvalFault("cannot read " + Values.repr(key) + " of None");
        }
        throw new EvalFault("cannot read " + Values.repr(key) + " of " + Values.describe(target)
                + ": only dict, list and str values can be indexed");
    }

    private static int position(Object key, int size, String type) {
        if (!Values.isIntegral(key)) {
            throw new EvalFault(type + " indices are integers, not " + Values.describe(key));
        }
        long i = ((Number) key).longValue();
        long p = i < 0 ? i + size : i;
        if (p < 0 || p >= size) {
            throw new EvalFault(type + " index " + i + " is out of range for a " + type + " of length " + size);
        }
        return (int) p;
    }

    static String keysOf(Map<?, ?> m, int limit) {
        List<String> keys = m.keySet().stream().map(String::valueOf)
                .filter(k -> Zone.ofSegment(k) != Zone.PRIVATE).sorted().toList();
        if (keys.isEmpty()) {
            return " (it is empty)";
        }
        String shown = keys.stream().limit(limit).collect(Collectors.joining(", "));
        return " (keys: " + shown + (keys.size() > limit ? ", ..." : "") + ")";
    }
}
