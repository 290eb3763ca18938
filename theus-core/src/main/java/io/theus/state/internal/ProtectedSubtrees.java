package io.theus.state.internal;

import io.theus.state.Capability;
import io.theus.state.Path;
import io.theus.state.Zone;

import java.util.List;
import java.util.Map;

/**
 * Finds what a wholesale write (replacing or removing a map or list) would do to protected descendants: a CONSTANT
 * key changed or removed, a LOG entry rewritten, a PRIVATE key touched. The caller has already checked the written
 * path itself; this checks what lies beneath it, comparing the old and the new subtree. Identical (shared) subtrees
 * are skipped.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProtectedSubtrees {
    private ProtectedSubtrees() {
    }

    /**
     * A capability a descendant would need but its zone does not grant.
     *
     * @param path the descendant
     * @param zone its zone
     * @param capability the capability needed
     */
    public record Violation(Path path, Zone zone, Capability capability) {
    }

    /** Tells which capabilities the caller has on a descendant of a protected zone. */
    @FunctionalInterface
    public interface Ceiling {
        /**
         * Returns the allowed capabilities.
         *
         * @param zone the descendant's zone
         * @return capability bits
         */
        int of(Zone zone);
    }

    /**
     * Compares the old and the new subtree under a written DATA path.
     *
     * @param base the written path
     * @param baseZone its zone (only DATA subtrees are scanned; other zones apply to the whole subtree)
     * @param old the value being replaced, or {@code null}
     * @param neu the new value, or {@code null} for a removal
     * @param ceiling the caller's capabilities per zone
     * @return the first violation, or {@code null}
     */
    public static Violation check(Path base, Zone baseZone, Object old, Object neu, Ceiling ceiling) {
        if (baseZone != Zone.DATA || old == neu) {
            return null;
        }
        return scan(base, old, neu, ceiling, 0);
    }

    private static Violation scan(Path at, Object old, Object neu, Ceiling ceiling, int depth) {
        if (old == neu || depth > 256) {
            return null;
        }
        if (old instanceof Map<?, ?> || neu instanceof Map<?, ?>) {
            Map<?, ?> o = old instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> n = neu instanceof Map<?, ?> m ? m : Map.of();
            Violation v = scanKeys(at, o, n, ceiling, depth);
            return v != null ? v : scanNewKeys(at, o, n, ceiling, depth);
        }
        if (old instanceof List<?> ol && neu instanceof List<?> nl) {
            int size = Math.max(ol.size(), nl.size());
            for (int i = 0; i < size; i++) {
                Object oc = i < ol.size() ? ol.get(i) : null;
                Object nc = i < nl.size() ? nl.get(i) : null;
                Violation v = composite(oc) || composite(nc)
                        ? scan(at.child(Integer.toString(i)), oc, nc, ceiling, depth + 1) : null;
                if (v != null) {
                    return v;
                }
            }
        } else if (old instanceof List<?> ol) {
            for (int i = 0; i < ol.size(); i++) {
                Violation v = scan(at.child(Integer.toString(i)), ol.get(i), null, ceiling, depth + 1);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static Violation scanKeys(Path at, Map<?, ?> o, Map<?, ?> n, Ceiling ceiling, int depth) {
        for (Map.Entry<?, ?> e : o.entrySet()) {
            Violation v = child(at, (String) e.getKey(), e.getValue(), n.get(e.getKey()), ceiling, depth);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Violation scanNewKeys(Path at, Map<?, ?> o, Map<?, ?> n, Ceiling ceiling, int depth) {
        for (Map.Entry<?, ?> e : n.entrySet()) {
            if (!o.containsKey(e.getKey())) {
                Violation v = child(at, (String) e.getKey(), null, e.getValue(), ceiling, depth);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static Violation child(Path at, String key, Object oc, Object nc, Ceiling ceiling, int depth) {
        if (oc == nc) {
            return null;
        }
        Zone zone = Zone.ofSegment(key);
        if (zone == Zone.CONSTANT || zone == Zone.PRIVATE || zone == Zone.LOG) {
            Capability needed = oc == null ? Capability.APPEND : nc == null ? Capability.DELETE
                    : zone == Zone.LOG && extends_(oc, nc) ? Capability.APPEND : Capability.UPDATE;
            if (zone == Zone.CONSTANT && oc != null && oc.equals(nc)) {
                return null;
            }
            return (ceiling.of(zone) & needed.bit()) == 0 ? new Violation(at.child(key), zone, needed) : null;
        }
        if (zone == Zone.DATA && (composite(oc) || composite(nc))) {
            return scan(at.child(key), oc, nc, ceiling, depth + 1);
        }
        return null;
    }

    private static boolean composite(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?>;
    }

    /** Whether {@code nc} only adds to {@code oc}: a list with {@code oc} as prefix, or a map containing it. */
    private static boolean extends_(Object oc, Object nc) {
        if (oc instanceof List<?> ol && nc instanceof List<?> nl) {
            return nl.size() >= ol.size() && nl.subList(0, ol.size()).equals(ol);
        }
        if (oc instanceof Map<?, ?> om && nc instanceof Map<?, ?> nm) {
            return nm.entrySet().containsAll(om.entrySet());
        }
        return false;
    }
}
