package io.theus.internal.yaml;

import io.theus.DefinitionException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * One YAML definition document (audit recipe, context schema, workflow) as read by {@link YamlReader}: the node tree
 * of SnakeYAML Engine's node API, so that every error can name the document, line and column of the offending node,
 * and typed accessors for the loaders that validate it. The reader has already enforced the limits (size, depth,
 * aliases, expanded size), so walking the tree — aliases included — is bounded.
 *
 * <p>Scalars resolve with the YAML 1.2 core schema ({@code 1e9} is a number, {@code yes} is a string). Duplicate
 * keys and non-string keys are errors of {@link #mapping}.
 *
 * <p>Not thread-safe: one loader reads one document on one thread.
 */
public final class YamlDocument {
    private final String source;
    private final Node root;
    private final DefinitionErrors errors;
    private final ScalarLines lines;

    YamlDocument(String source, String text, Node root, DefinitionErrors errors) {
        this.source = source;
        this.root = root;
        this.errors = errors;
        this.lines = new ScalarLines(text);
    }

    /** {@return how errors name the document} */
    public String source() {
        return source;
    }

    /** {@return the root node} */
    public Node root() {
        return root;
    }

    /**
     * Creates an error located at a node.
     *
     * @param at the offending node
     * @param problem what is wrong; reads on its own
     * @return the exception to throw
     */
    public DefinitionException error(Node at, String problem) {
        return error(at, problem, null);
    }

    /**
     * Creates an error located at a node, saying what was expected (front-ends that show it, such as Flux, append
     * it to the message).
     *
     * @param at the offending node
     * @param problem what is wrong; reads on its own
     * @param expected what would have been accepted, or {@code null}
     * @return the exception to throw
     */
    public DefinitionException error(Node at, String problem, String expected) {
        return error(position(at), problem, expected);
    }

    /**
     * Creates an error at a position of this document (e.g. one found with {@link #positionsIn}).
     *
     * @param at where the problem is
     * @param problem what is wrong; reads on its own
     * @param expected what would have been accepted, or {@code null}
     * @return the exception to throw
     */
    public DefinitionException error(Position at, String problem, String expected) {
        return errors.create(source, at.line(), at.column(), problem, expected, null);
    }

    /**
     * Finds where a node starts.
     *
     * @param node a node of this document
     * @return its 1-based line and column
     */
    public Position position(Node node) {
        return Position.of(node.getStartMark());
    }

    /**
     * Maps offsets in a scalar's value to positions in the document: exact for one-line scalars (plain or quoted)
     * and literal blocks, the start of the scalar otherwise.
     *
     * @param scalar a scalar of this document
     * @return offset in the value to its line and column
     */
    public IntFunction<Position> positionsIn(ScalarNode scalar) {
        return lines.positions(scalar);
    }

    /**
     * Describes where a node is, for messages about definitions that are checked later.
     *
     * @param node a node of this document
     * @return {@code source:line:column}
     */
    public String location(Node node) {
        return node.getStartMark().map(m -> source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
                .orElse(source);
    }

    /**
     * Reads a mapping with string keys, in document order.
     *
     * @param node the node
     * @param what what the mapping is, for errors (e.g. {@code "the audit block"})
     * @return key to value node
     * @throws DefinitionException if the node is not a mapping, or a key is not a string or repeated
     */
    public Map<String, Node> mapping(Node node, String what) {
        if (!(node instanceof MappingNode m)) {
            throw error(node, what + " must be a mapping, was " + describe(node));
        }
        Map<String, Node> result = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode s) || isNull(k)) {
                throw error(k, "keys of " + what + " must be strings, was " + describe(k));
            }
            if (result.putIfAbsent(s.getValue(), t.getValueNode()) != null) {
                throw error(k, "duplicate key '" + s.getValue() + "' in " + what);
            }
        }
        return result;
    }

    /**
     * Refuses keys outside an allowed set.
     *
     * @param map a mapping read with {@link #mapping}
     * @param owner the mapping node (for locating the error when a key node cannot be found)
     * @param what what the mapping is
     * @param allowed the allowed keys
     * @throws DefinitionException naming the first unknown key and the allowed ones
     */
    public void allowOnly(Map<String, Node> map, Node owner, String what, Collection<String> allowed) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw error(keyNode(owner, key), "unknown key '" + key + "' in " + what + "; allowed keys are "
                        + new TreeSet<>(allowed));
            }
        }
    }

    /**
     * Finds the key node of a mapping entry (to locate errors on keys).
     *
     * @param mapping a mapping node
     * @param key the key
     * @return the key node, or the mapping itself if absent
     */
    public Node keyNode(Node mapping, String key) {
        if (mapping instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                    return s;
                }
            }
        }
        return mapping;
    }

    /**
     * Reads a sequence.
     *
     * @param node the node
     * @param what what the sequence is
     * @return the items
     * @throws DefinitionException if the node is not a sequence
     */
    public List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode s)) {
            throw error(node, what + " must be a list, was " + describe(node));
        }
        return s.getValue();
    }

    /**
     * Reads a non-blank string scalar (plain scalars that look like numbers or booleans are refused).
     *
     * @param node the node
     * @param what what the value is
     * @return the string
     * @throws DefinitionException if the node is not a non-blank string
     */
    public String string(Node node, String what) {
        if (!(node instanceof ScalarNode s) || !Tag.STR.equals(node.getTag()) || s.getValue().isBlank()) {
            throw error(node, what + " must be a non-blank string, was " + describe(node));
        }
        return s.getValue();
    }

    /**
     * Reads a finite number.
     *
     * @param node the node
     * @param what what the value is
     * @return the number, exactly as written
     * @throws DefinitionException if the node is not a finite number
     */
    public BigDecimal number(Node node, String what) {
        BigDecimal n = node instanceof ScalarNode s ? YamlScalars.number(s) : null;
        if (n == null) {
            throw error(node, what + " must be a finite number, was " + describe(node));
        }
        return n;
    }

    /**
     * Reads an integer within bounds.
     *
     * @param node the node
     * @param what what the value is
     * @param min the smallest accepted value
     * @return the integer
     * @throws DefinitionException if the node is not a whole number in {@code [min, Integer.MAX_VALUE]}
     */
    public int integer(Node node, String what, int min) {
        BigDecimal n = node instanceof ScalarNode s && Tag.INT.equals(node.getTag()) ? YamlScalars.number(s) : null;
        if (n == null || n.compareTo(BigDecimal.valueOf(min)) < 0
                || n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw error(node, what + " must be a whole number >= " + min + ", was " + describe(node));
        }
        return n.intValueExact();
    }

    /**
     * Reads a boolean ({@code true}/{@code false} in any YAML 1.2 spelling).
     *
     * @param node the node
     * @param what what the value is
     * @return the boolean
     * @throws DefinitionException if the node is not a boolean
     */
    public boolean bool(Node node, String what) {
        if (!(node instanceof ScalarNode s) || !Tag.BOOL.equals(node.getTag())) {
            throw error(node, what + " must be true or false, was " + describe(node));
        }
        return s.getValue().equalsIgnoreCase("true");
    }

    /**
     * Reads a scalar as a Java value: {@link BigDecimal} for numbers, {@link Boolean}, {@link String}, or
     * {@code null}.
     *
     * @param node the node
     * @param what what the value is
     * @return the value
     * @throws DefinitionException if the node is a collection or a non-finite number
     */
    public Object scalar(Node node, String what) {
        if (!(node instanceof ScalarNode s)) {
            throw error(node, what + " must be a number, a string or a boolean, was " + describe(node));
        }
        Tag tag = node.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return s.getValue().equalsIgnoreCase("true");
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return number(node, what);
        }
        return s.getValue();
    }

    /**
     * Reads any value as plain Java data: mappings become {@link LinkedHashMap}s, sequences {@link ArrayList}s,
     * scalars as in {@link #scalar} except that whole numbers become {@link Long} (or {@link BigDecimal} when too
     * large) and other numbers {@link Double}.
     *
     * @param node the node
     * @param what what the value is
     * @return the value
     */
    public Object data(Node node, String what) {
        if (node instanceof MappingNode) {
            Map<String, Object> m = new LinkedHashMap<>();
            mapping(node, what).forEach((k, v) -> m.put(k, data(v, what + "." + k)));
            return m;
        }
        if (node instanceof SequenceNode) {
            List<Object> l = new ArrayList<>();
            for (Node item : sequence(node, what)) {
                l.add(data(item, what + "[]"));
            }
            return l;
        }
        Object v = scalar(node, what);
        if (v instanceof BigDecimal n) {
            if (Tag.INT.equals(node.getTag())) {
                try {
                    return n.longValueExact();
                } catch (ArithmeticException e) {
                    return n;
                }
            }
            return n.doubleValue();
        }
        return v;
    }

    /**
     * Tells whether a node is the YAML null ({@code ~}, {@code null} or nothing).
     *
     * @param node the node
     * @return whether it is null
     */
    public static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /**
     * Describes a node for error messages.
     *
     * @param node the node
     * @return e.g. {@code a mapping}, {@code the string "abc"}, {@code the number 12}
     */
    public static String describe(Node node) {
        return YamlScalars.describe(node);
    }
}
