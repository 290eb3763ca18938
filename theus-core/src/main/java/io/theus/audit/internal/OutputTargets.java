package io.theus.audit.internal;

import io.theus.state.Path;
import io.theus.state.StateReader;
import io.theus.tx.Change;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the values a commit writes at the concrete paths matching an output rule's pattern. Only the commit's changes
 * are looked at, so the cost grows with the change, not the state:
 * <ul>
 *   <li>a change at the pattern's depth or deeper (under a matching path) yields that matching path, with its new
 *       value read from the pending state;</li>
 *   <li>a change above the pattern (a whole subtree replaced) yields every path matching the rest of the pattern
 *       inside the new subtree.</li>
 * </ul>
 * Removed paths yield nothing (there is no value to check).
 *
 * <p>Stateless and thread-safe.
 */
final class OutputTargets {
    private OutputTargets() {
    }

    static Map<String, Object> of(Path pattern, List<Change> changes, StateReader pending) {
        Map<String, Object> out = null;
        for (Change c : changes) {
            Path changed = c.path();
            if (!pattern.overlaps(changed)) {
                continue;
            }
            if (out == null) {
                out = new LinkedHashMap<>(4);
            }
            if (changed.size() == pattern.size()) {
                putIfPresent(out, changed.toString(), c.value());
            } else if (changed.size() > pattern.size()) {
                String concrete = Path.ofSegments(changed.segments().subList(0, pattern.size())).toString();
                if (!out.containsKey(concrete)) {
                    putIfPresent(out, concrete, pending.get(concrete));
                }
            } else {
                expand(c.value(), pattern, changed.size(), changed.toString(), out);
            }
        }
        return out == null ? Map.of() : out;
    }

    private static void expand(Object node, Path pattern, int depth, String prefix, Map<String, Object> out) {
        if (node == null) {
            return;
        }
        if (depth == pattern.size()) {
            out.putIfAbsent(prefix, node);
            return;
        }
        String segment = pattern.segment(depth);
        if (!segment.equals(Path.WILDCARD)) {
            expand(child(node, segment), pattern, depth + 1, prefix + "." + segment, out);
        } else if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                expand(e.getValue(), pattern, depth + 1, prefix + "." + e.getKey(), out);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                expand(l.get(i), pattern, depth + 1, prefix + "." + i, out);
            }
        }
    }

    private static Object child(Object node, String segment) {
        if (node instanceof Map<?, ?> m) {
            return m.get(segment);
        }
        if (node instanceof List<?> l && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit)
                && segment.length() < 10) {
            int i = Integer.parseInt(segment);
            return i < l.size() ? l.get(i) : null;
        }
        return null;
    }

    private static void putIfPresent(Map<String, Object> out, String path, Object value) {
        if (value != null) {
            out.putIfAbsent(path, value);
        }
    }
}
