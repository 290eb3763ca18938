package io.theus.schema.internal;

import io.theus.schema.RecordValidator;
import io.theus.schema.Schema;
import io.theus.schema.SchemaViolation;
import io.theus.schema.SchemaViolationException;
import io.theus.state.Path;
import io.theus.state.StateReader;
import io.theus.tx.Change;
import io.theus.tx.CommitCandidate;
import io.theus.tx.TransactionInterceptor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Type Shield as a transaction interceptor: before every commit (of any kind), checks the paths the commit
 * changes against the schema and rejects the commit with a {@link SchemaViolationException} listing every violation.
 *
 * <p>Algorithm, per change (minimal path, new value, value in the snapshot):
 * <ol>
 *   <li>walk the compiled schema tree along the change's path (named and wildcard children); a spec on an ancestor
 *       is checked shallowly on the ancestor's pending value (type, bounds, length);</li>
 *   <li>the spec at the path checks the new value; a removal breaks {@code required};</li>
 *   <li>when the new value is a map or list and the schema has specs below the path, they are checked inside it,
 *       skipping children identical to the snapshot's (already validated) children; required children must be
 *       present;</li>
 *   <li>record validators see every record in the new value that is not identical to the snapshot's.</li>
 * </ol>
 * The cost grows with the change (and the schema below it), never with the size of the state.
 *
 * <p>Immutable after construction and thread-safe.
 */
public final class SchemaGate implements TransactionInterceptor {
    private static final int MAX_RECORD_DEPTH = 256;

    private final SchemaNode root;
    private final RecordValidator[] validators;

    /**
     * Compiles a schema for an engine.
     *
     * @param schema the schema
     * @param namespaces the engine's extra roots
     * @throws IllegalArgumentException if a schema path is under a root the engine does not have
     */
    public SchemaGate(Schema schema, Set<String> namespaces) {
        Set<String> roots = new LinkedHashSet<>(List.of(Path.GLOBAL_ROOT, Path.DOMAIN_ROOT, Path.HEAVY_ROOT));
        roots.addAll(namespaces);
        for (String path : schema.fields().keySet()) {
            String r = Path.of(path).root();
            if (!roots.contains(r)) {
                throw new IllegalArgumentException("schema " + schema.source() + ": path '" + path
                        + "' is under unknown root '" + r + "'; the roots of this engine are " + roots);
            }
        }
        this.root = SchemaNode.compile(schema.fields());
        this.validators = schema.recordValidators().toArray(RecordValidator[]::new);
    }

    @Override
    public void beforeCommit(CommitCandidate candidate) {
        List<SchemaViolation> found = null;
        for (Change c : candidate.changes()) {
            found = check(c, candidate.pending(), found);
        }
        if (found != null) {
            throw new SchemaViolationException(candidate.process(), found);
        }
    }

    /**
     * Checks one change.
     *
     * @param change the change
     * @param pending the state as it will be
     * @param found violations so far, or {@code null}
     * @return the violations so far, or {@code null} if none
     */
    List<SchemaViolation> check(Change change, StateReader pending, List<SchemaViolation> found) {
        Path p = change.path();
        SchemaNode[] nodes = {root};
        int last = p.size() - 1;
        for (int i = 0; i <= last && nodes.length > 0; i++) {
            nodes = SchemaNode.step(nodes, p.segment(i));
            for (SchemaNode n : nodes) {
                if (i < last) {
                    if (n.check != null) {
                        found = ancestor(n, Path.ofSegments(p.segments().subList(0, i + 1)).toString(), pending,
                                found);
                    }
                } else {
                    found = at(n, p.toString(), change.value(), change.previous(), found);
                }
            }
        }
        if (validators.length > 0) {
            found = records(p.toString(), change.value(), change.previous(), found, 0);
        }
        return found;
    }

    private static List<SchemaViolation> ancestor(SchemaNode n, String path, StateReader pending,
                                                  List<SchemaViolation> found) {
        Object value = pending.get(path);
        String failure = value == null ? null : n.check.firstFailure(value);
        return failure == null ? found : add(found, path, value, failure);
    }

    private static List<SchemaViolation> at(SchemaNode n, String path, Object value, Object previous,
                                            List<SchemaViolation> found) {
        if (value == null) {
            return n.check != null && n.check.spec().required() ? add(found, path, null, "required") : found;
        }
        if (n.check != null) {
            String failure = n.check.firstFailure(value);
            if (failure != null) {
                found = add(found, path, value, failure);
                if (!n.check.typeFits(value)) {
                    return found;
                }
            }
        }
        return n.hasChildren() ? inside(n, path, value, previous, found) : found;
    }

    private static List<SchemaViolation> inside(SchemaNode n, String path, Object value, Object previous,
                                                List<SchemaViolation> found) {
        if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
            return found;
        }
        for (SchemaNode r : n.required) {
            if (child(value, r.segment) == null) {
                found = add(found, path + "." + r.segment, null, "required");
            }
        }
        for (Map.Entry<String, SchemaNode> e : n.children.entrySet()) {
            Object v = child(value, e.getKey());
            Object prev = child(previous, e.getKey());
            if (v != null && v != prev) {
                found = at(e.getValue(), path + "." + e.getKey(), v, prev, found);
            }
        }
        if (n.wildcard != null) {
            found = wildcard(n.wildcard, path, value, previous, found);
        }
        return found;
    }

    private static List<SchemaViolation> wildcard(SchemaNode w, String path, Object value, Object previous,
                                                  List<SchemaViolation> found) {
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                Object prev = child(previous, key);
                if (e.getValue() != prev) {
                    found = at(w, path + "." + key, e.getValue(), prev, found);
                }
            }
        } else if (value instanceof List<?> l) {
            List<?> before = previous instanceof List<?> pl ? pl : List.of();
            for (int i = 0; i < l.size(); i++) {
                Object prev = i < before.size() ? before.get(i) : null;
                if (l.get(i) != prev) {
                    found = at(w, path + "." + i, l.get(i), prev, found);
                }
            }
        }
        return found;
    }

    private List<SchemaViolation> records(String path, Object value, Object previous, List<SchemaViolation> found,
                                          int depth) {
        if (value == null || value == previous || depth > MAX_RECORD_DEPTH) {
            return found;
        }
        if (value instanceof Record r) {
            for (RecordValidator v : validators) {
                List<SchemaViolation> vs = v.validate(path, r);
                if (!vs.isEmpty()) {
                    if (found == null) {
                        found = new ArrayList<>(vs);
                    } else {
                        found.addAll(vs);
                    }
                }
            }
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (mayHoldRecords(e.getValue())) {
                    String key = String.valueOf(e.getKey());
                    found = records(path + "." + key, e.getValue(), child(previous, key), found, depth + 1);
                }
            }
        } else if (value instanceof List<?> l) {
            List<?> before = previous instanceof List<?> pl ? pl : List.of();
            for (int i = 0; i < l.size(); i++) {
                Object prev = i < before.size() ? before.get(i) : null;
                if (l.get(i) != prev && mayHoldRecords(l.get(i))) {
                    found = records(path + "." + i, l.get(i), prev, found, depth + 1);
                }
            }
        }
        return found;
    }

    private static boolean mayHoldRecords(Object value) {
        return value instanceof Record || value instanceof Map<?, ?> || value instanceof List<?>;
    }

    private static Object child(Object node, String segment) {
        if (node instanceof Map<?, ?> m) {
            return m.get(segment);
        }
        if (node instanceof List<?> l && !segment.isEmpty() && segment.length() < 10
                && segment.chars().allMatch(Character::isDigit)) {
            int i = Integer.parseInt(segment);
            return i < l.size() ? l.get(i) : null;
        }
        return null;
    }

    private static List<SchemaViolation> add(List<SchemaViolation> found, String path, Object value, String rule) {
        List<SchemaViolation> out = found == null ? new ArrayList<>(2) : found;
        out.add(new SchemaViolation(path, value, rule));
        return out;
    }
}
