package io.theus.flux.internal;

import io.theus.signal.Signal;
import io.theus.state.Zone;
import io.theus.state.internal.PrivateView;
import io.theus.tx.internal.Version;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled read of the committed state: a root ({@code domain}, {@code global}, a namespace, or the latched
 * signals through {@code signal} / {@code cmd}) followed by keys ({@code .k}, {@code ['k']}, {@code [i]}, or computed
 * {@code [expr]}). It applies the zone rules of a non-admin reader as it walks: PRIVATE keys read as absent, a
 * SIGNAL-zone key reads the payload latched on this version under its canonical path ({@code None} when not
 * raised), and maps and lists handed out hide PRIVATE keys. A missing DATA key is an error naming the key, where it
 * was looked up and the keys that exist.
 *
 * <p>Immutable and thread-safe.
 */
final class StateRead implements Eval {
    private static final int KEYS_LISTED = 12;

    private final String text;
    private final String root;
    private final boolean signalRoot;
    private final Object[] constKeys;
    private final Eval[] dynamicKeys;
    private final int start;
    private final int[] ends;
    private final int rootEnd;

    /**
     * Creates the read.
     *
     * @param text the condition text
     * @param root the root name
     * @param keys per key: its constant value, or {@code null} if it is computed
     * @param dynamicKeys per key: the computed key, or {@code null} if it is constant
     * @param start offset of the root
     * @param rootEnd end offset of the root
     * @param ends end offset of the expression up to each key
     */
    StateRead(String text, String root, Object[] keys, Eval[] dynamicKeys, int start, int rootEnd, int[] ends) {
        this.text = text;
        this.root = root;
        this.signalRoot = root.equals("signal") || root.equals("cmd");
        this.constKeys = keys;
        this.dynamicKeys = hasAny(dynamicKeys) ? dynamicKeys : null;
        this.start = start;
        this.rootEnd = rootEnd;
        this.ends = ends;
    }

    private static boolean hasAny(Eval[] evals) {
        for (Eval e : evals) {
            if (e != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object eval(Version version, Trace trace) {
        Object[] keys = dynamicKeys == null ? constKeys : keys(version, trace);
        Object value = signalRoot ? readSignal(version, keys) : readTree(version, keys);
        if (trace != null) {
            trace.record(start, ends.length == 0 ? rootEnd : ends[ends.length - 1], value);
        }
        return value;
    }

    private Object[] keys(Version version, Trace trace) {
        Object[] keys = constKeys.clone();
        for (int i = 0; i < keys.length; i++) {
            if (dynamicKeys[i] != null) {
                keys[i] = dynamicKeys[i].eval(version, trace);
            }
        }
        return keys;
    }

    private Object readSignal(Version version, Object[] keys) {
        if (keys.length == 0) {
            return latchedMap(version.signals());
        }
        if (!(keys[0] instanceof String topic)) {
            throw new EvalFault("signal topics are strings, not " + Values.describe(keys[0])).at(start, ends[0]);
        }
        Object cur = Version.latched(version.signals(), topic);
        for (int i = 1; i < keys.length; i++) {
            cur = index(cur, keys[i], i);
        }
        return cur;
    }

    private Object readTree(Version version, Object[] keys) {
        Object cur = version.tree().get(root);
        if (cur == null) {
            throw new EvalFault("there is no '" + root + "' in the state").at(start, rootEnd);
        }
        Zone zone = Zone.DATA;
        for (int i = 0; i < keys.length; i++) {
            Object key = keys[i];
            if (zone != null && key instanceof String k) {
                zone = Zone.child(zone, k);
                if (zone == Zone.PRIVATE) {
                    throw missing(cur, k, i);
                }
                if (zone == Zone.SIGNAL) {
                    cur = Version.latched(version.signals(), topic(keys, i));
                    zone = null;
                    continue;
                }
            }
            cur = index(cur, key, i);
        }
        return zone == null ? cur : PrivateView.hide(cur);
    }

    private String topic(Object[] keys, int upTo) {
        StringBuilder sb = new StringBuilder(root);
        for (int i = 0; i <= upTo; i++) {
            sb.append('.').append(keys[i]);
        }
        return sb.toString();
    }

    private Object index(Object target, Object key, int i) {
        try {
            return Access.index(target, key);
        } catch (Access.Missing m) {
            throw missing(target, (String) key, i);
        } catch (EvalFault f) {
            throw f.at(start, ends[i]);
        }
    }

    private EvalFault missing(Object target, String key, int i) {
        String where = text.substring(start, i == 0 ? rootEnd : ends[i - 1]);
        String known = target instanceof Map<?, ?> m ? Access.keysOf(m, KEYS_LISTED) : "";
        return new EvalFault("no key '" + key + "' in `" + where + "`" + known).at(start, ends[i]);
    }


    static Map<String, Object> latchedMap(List<Signal> signals) {
        if (signals.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Signal s : signals) {
            map.put(s.topic(), s.payload());
        }
        return Collections.unmodifiableMap(map);
    }
}
