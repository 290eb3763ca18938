package io.theus.schema.internal;

import io.theus.schema.FieldSpec;
import io.theus.schema.Schema;
import io.theus.state.Path;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills schema defaults into an initial context: every spec with a default whose path (not a pattern) is absent gets
 * its default, creating missing parent maps. Paths under a non-map value are left alone.
 *
 * <p>Stateless and thread-safe.
 */
public final class SchemaDefaults {
    private SchemaDefaults() {
    }

    /**
     * Returns the initial context with the defaults filled in.
     *
     * @param schema the schema
     * @param initial the initial context by root, or {@code null} for none
     * @return the same map if there is nothing to fill, else a new map; {@code null} if both are empty
     */
    public static Map<String, Object> apply(Schema schema, Map<String, Object> initial) {
        Map<String, Object> result = initial;
        for (Map.Entry<String, FieldSpec> e : schema.fields().entrySet()) {
            Object value = e.getValue().defaultValue();
            Path path = Path.of(e.getKey());
            if (value == null || path.hasWildcard()) {
                continue;
            }
            Map<String, Object> copy = new LinkedHashMap<>(result == null ? Map.of() : result);
            if (fill(copy, path.segments(), value)) {
                result = copy;
            }
        }
        return result;
    }

    private static boolean fill(Map<String, Object> map, List<String> segments, Object value) {
        String head = segments.get(0);
        Object current = map.get(head);
        if (segments.size() == 1) {
            if (current != null) {
                return false;
            }
            map.put(head, value);
            return true;
        }
        if (current != null && !(current instanceof Map<?, ?>)) {
            return false;
        }
        Map<String, Object> child = new LinkedHashMap<>();
        if (current != null) {
            ((Map<?, ?>) current).forEach((k, v) -> child.put(String.valueOf(k), v));
        }
        if (!fill(child, segments.subList(1, segments.size()), value)) {
            return false;
        }
        map.put(head, child);
        return true;
    }
}
