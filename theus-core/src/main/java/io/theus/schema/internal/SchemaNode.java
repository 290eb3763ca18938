package io.theus.schema.internal;

import io.theus.schema.FieldSpec;
import io.theus.state.Path;

import java.util.HashMap;
import java.util.Map;

/**
 * One node of a compiled schema tree: the check of its own path (if the schema has a spec there), its named
 * children and its wildcard child ({@code *}). A path is matched segment by segment, following both the named and
 * the wildcard child, so looking a path up costs a couple of hash lookups per segment.
 *
 * <p>Built once per engine; immutable after {@link #compile} returns, hence thread-safe.
 */
final class SchemaNode {
    private static final SchemaNode[] NONE = new SchemaNode[0];

    final String segment;
    FieldCheck check;
    final Map<String, SchemaNode> children = new HashMap<>(4);
    SchemaNode wildcard;
    SchemaNode[] required = NONE;

    private SchemaNode(String segment) {
        this.segment = segment;
    }

    /**
     * Compiles specs into a tree.
     *
     * @param fields specs by canonical path
     * @return the root node (its children are the roots {@code global}, {@code domain}, ...)
     */
    static SchemaNode compile(Map<String, FieldSpec> fields) {
        SchemaNode root = new SchemaNode("");
        fields.forEach((path, spec) -> {
            SchemaNode n = root;
            for (String s : Path.of(path).segments()) {
                n = n.child(s);
            }
            n.check = new FieldCheck(spec);
        });
        root.freeze();
        return root;
    }

    private void freeze() {
        required = children.values().stream().filter(c -> c.check != null && c.check.spec().required())
                .toArray(SchemaNode[]::new);
        children.values().forEach(SchemaNode::freeze);
        if (wildcard != null) {
            wildcard.freeze();
        }
    }

    private SchemaNode child(String s) {
        if (s.equals(Path.WILDCARD)) {
            if (wildcard == null) {
                wildcard = new SchemaNode(s);
            }
            return wildcard;
        }
        return children.computeIfAbsent(s, SchemaNode::new);
    }

    boolean hasChildren() {
        return wildcard != null || !children.isEmpty();
    }

    /**
     * Returns the nodes matching one segment below these nodes.
     *
     * @param nodes current nodes
     * @param segment the next segment
     * @return the matching child nodes (named and wildcard)
     */
    static SchemaNode[] step(SchemaNode[] nodes, String segment) {
        SchemaNode[] out = null;
        int n = 0;
        for (SchemaNode node : nodes) {
            SchemaNode named = node.children.get(segment);
            SchemaNode wild = node.wildcard;
            if (named == null && wild == null) {
                continue;
            }
            if (out == null) {
                out = new SchemaNode[nodes.length * 2];
            }
            if (named != null) {
                out[n++] = named;
            }
            if (wild != null) {
                out[n++] = wild;
            }
        }
        if (out == null) {
            return NONE;
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
}
