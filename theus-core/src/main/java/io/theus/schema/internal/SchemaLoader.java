package io.theus.schema.internal;

import io.theus.DefinitionException;
import io.theus.internal.yaml.YamlDocument;
import io.theus.schema.FieldSpec;
import io.theus.schema.FieldType;
import io.theus.schema.Schema;
import io.theus.state.Path;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code context_schema.yaml}: a {@code context:} mapping of roots, each a tree of groups (mappings without
 * a {@code type}) and field specs (mappings with a scalar {@code type}, or just the type name as a shorthand). A
 * {@code dict} spec may list its children under {@code fields:}. Every problem is reported with its line and column.
 *
 * <p>Stateless and thread-safe.
 */
public final class SchemaLoader {
    private static final Set<String> SPEC = Set.of("type", "required", "default", "min", "max", "min_len", "max_len",
            "regex", "description", "fields");

    private SchemaLoader() {
    }

    /**
     * Reads a schema into a builder.
     *
     * @param doc the parsed document
     * @param builder the builder to add fields to
     * @return the builder
     * @throws DefinitionException at the first malformed node
     */
    public static Schema.Builder load(YamlDocument doc, Schema.Builder builder) {
        Node root = doc.root();
        Map<String, Node> top = doc.mapping(root, "the schema");
        doc.allowOnly(top, root, "the schema", Set.of("context"));
        Node context = top.get("context");
        if (context == null || YamlDocument.isNull(context)) {
            throw doc.error(root, "the schema needs a 'context:' mapping of roots (global, domain, ...)");
        }
        Map<String, Node> roots = doc.mapping(context, "context");
        for (Map.Entry<String, Node> e : roots.entrySet()) {
            node(doc, builder, List.of(segment(doc, context, e.getKey())), e.getValue());
        }
        return builder;
    }

    private static String segment(YamlDocument doc, Node owner, String key) {
        try {
            Path p = Path.of(key);
            if (p.size() != 1) {
                throw doc.error(doc.keyNode(owner, key), "'" + key + "' must be one path segment; nest it instead");
            }
            return p.toString();
        } catch (io.theus.InvalidPathException e) {
            throw doc.error(doc.keyNode(owner, key), "'" + key + "' is not a valid path segment: " + e.getMessage());
        }
    }

    private static void node(YamlDocument doc, Schema.Builder builder, List<String> path, Node node) {
        if (isSpec(node)) {
            spec(doc, builder, path, node);
            return;
        }
        String where = "the schema group '" + String.join(".", path) + "'";
        if (!(node instanceof MappingNode)) {
            throw doc.error(node, where + " must be a field spec (a mapping with a type, or a type name) or a "
                    + "mapping of fields, was " + YamlDocument.describe(node));
        }
        Map<String, Node> children = doc.mapping(node, where);
        if (children.isEmpty()) {
            throw doc.error(node, where + " is empty");
        }
        for (Map.Entry<String, Node> e : children.entrySet()) {
            node(doc, builder, append(path, segment(doc, node, e.getKey())), e.getValue());
        }
    }

    private static boolean isSpec(Node node) {
        if (node instanceof ScalarNode) {
            return true;
        }
        if (node instanceof MappingNode m) {
            return m.getValue().stream().anyMatch(t -> t.getKeyNode() instanceof ScalarNode k
                    && k.getValue().equals("type") && t.getValueNode() instanceof ScalarNode);
        }
        return false;
    }

    private static void spec(YamlDocument doc, Schema.Builder builder, List<String> path, Node node) {
        String text = String.join(".", path);
        String what = "the spec of '" + text + "'";
        if (node instanceof ScalarNode) {
            add(doc, builder, text, FieldSpec.of(type(doc, node)), node);
            return;
        }
        Map<String, Node> m = doc.mapping(node, what);
        doc.allowOnly(m, node, what, SPEC);
        FieldSpec spec = FieldSpec.of(type(doc, m.get("type")));
        for (Map.Entry<String, Node> e : m.entrySet()) {
            spec = apply(doc, spec, e.getKey(), e.getValue(), doc.keyNode(node, e.getKey()));
        }
        if (spec.defaultValue() != null) {
            String failure = new FieldCheck(spec).firstFailure(spec.defaultValue());
            if (failure != null) {
                throw doc.error(m.get("default"), "the default of '" + text + "' violates " + failure);
            }
        }
        add(doc, builder, text, spec, node);
        Node fields = m.get("fields");
        if (fields != null) {
            if (spec.type() != FieldType.DICT) {
                throw doc.error(doc.keyNode(node, "fields"), "'fields' applies to dict specs, not "
                        + spec.type().yamlName());
            }
            Map<String, Node> children = doc.mapping(fields, "the fields of '" + text + "'");
            for (Map.Entry<String, Node> e : children.entrySet()) {
                node(doc, builder, append(path, segment(doc, fields, e.getKey())), e.getValue());
            }
        }
    }

    private static void add(YamlDocument doc, Schema.Builder builder, String path, FieldSpec spec, Node node) {
        try {
            builder.field(path, spec);
        } catch (IllegalArgumentException e) {
            throw doc.error(node, e.getMessage());
        }
    }

    private static FieldType type(YamlDocument doc, Node node) {
        String name = doc.string(node, "type");
        return FieldType.byName(name).orElseThrow(() -> doc.error(node, "type must be one of string, integer, "
                + "float, boolean, list, dict, any, was '" + name + "'"));
    }

    private static FieldSpec apply(YamlDocument doc, FieldSpec s, String key, Node v, Node keyNode) {
        try {
            return switch (key) {
                case "type", "fields" -> s;
                case "description" -> {
                    doc.string(v, "description");
                    yield s;
                }
                case "required" -> s.required(doc.bool(v, "required"));
                case "default" -> s.defaultValue(defaultOf(doc, v));
                case "min" -> s.min(doc.number(v, "min"));
                case "max" -> s.max(doc.number(v, "max"));
                case "min_len" -> s.minLen(doc.integer(v, "min_len", 0));
                case "max_len" -> s.maxLen(doc.integer(v, "max_len", 0));
                case "regex" -> s.regex(doc.string(v, "regex"));
                default -> throw new IllegalStateException("unreachable: " + key);
            };
        } catch (IllegalArgumentException e) {
            throw doc.error(key.equals("regex") ? v : keyNode, e.getMessage());
        }
    }

    private static Object defaultOf(YamlDocument doc, Node v) {
        if (YamlDocument.isNull(v)) {
            throw doc.error(v, "default must be a value, was empty (null); leave it out instead");
        }
        if (v instanceof ScalarNode s && Tag.FLOAT.equals(v.getTag())) {
            return doc.number(s, "default").doubleValue();
        }
        return doc.data(v, "default");
    }

    private static List<String> append(List<String> path, String segment) {
        List<String> p = new ArrayList<>(path);
        p.add(segment);
        return p;
    }
}
