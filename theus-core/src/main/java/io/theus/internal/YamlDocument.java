package io.theus.internal;

import io.theus.DefinitionException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One YAML definition document (audit recipe, context schema, workflow) read with SnakeYAML Engine's node API, so
 * that every error can name the document, line and column of the offending node ({@link DefinitionException}).
 *
 * <p>Bad input is refused before it can hurt: the text is limited in size, the event stream is scanned once
 * (iteratively) to refuse nesting deeper than {@value #MAX_DEPTH} and more than {@value #MAX_ALIASES} aliases before
 * the recursive composer runs, and every node the caller visits counts against a budget of {@value #MAX_VISITS}
 * visits, which stops alias expansion bombs. Scalars resolve with the YAML 1.2 core schema ({@code 1e9} is a number,
 * {@code yes} is a string). Duplicate keys and non-string keys are errors.
 *
 * <p>Not thread-safe: one loader reads one document on one thread.
 */
public final class YamlDocument {
    /** Deepest collection nesting accepted. */
    public static final int MAX_DEPTH = 64;
    /** Most aliases accepted in one document. */
    public static final int MAX_ALIASES = 64;
    /** Most node visits while reading one document (alias expansions included). */
    public static final int MAX_VISITS = 200_000;
    /** Largest document accepted, in code points. */
    public static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

    private final String source;
    private final Node root;
    private int visits;

    private YamlDocument(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /**
     * Parses a document held in a string.
     *
     * @param text the YAML text
     * @param source how errors name the document
     * @return the document
     * @throws DefinitionException if the text is not one well-formed YAML document within the limits
     */
    public static YamlDocument parse(String text, String source) {
        LoadSettings settings = LoadSettings.builder().setLabel(source).setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false).setAllowRecursiveKeys(false).setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS).build();
        try {
            scanLimits(text, settings, source);
            Iterable<Node> documents = new Compose(settings).composeAllFromString(text);
            Node root = null;
            for (Node n : documents) {
                if (root != null) {
                    throw error(source, n.getStartMark(), "expected one YAML document, found a second one");
                }
                root = n;
            }
            if (root == null || isNull(root)) {
                throw new DefinitionException(source, 1, 1, "the document is empty");
            }
            return new YamlDocument(source, root);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            throw error(source, mark, "malformed YAML: " + problem.strip());
        } catch (YamlEngineException e) {
            throw new DefinitionException(source, 0, 0, "malformed YAML: " + e.getMessage());
        }
    }

    /**
     * Reads and parses a file.
     *
     * @param file the file (UTF-8)
     * @return the document
     * @throws DefinitionException if the file cannot be read or is malformed
     */
    public static YamlDocument load(java.nio.file.Path file) {
        String name = file.toString();
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new DefinitionException(name, 0, 0, "cannot read the file: " + e);
        }
    }

    /**
     * Reads and parses a classpath resource.
     *
     * @param loader the class loader to look in
     * @param resource the resource name, e.g. {@code com/example/audit.yaml}
     * @return the document
     * @throws DefinitionException if the resource does not exist, cannot be read or is malformed
     */
    public static YamlDocument loadResource(ClassLoader loader, String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        String label = "classpath:" + name;
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new DefinitionException(label, 0, 0, "no such classpath resource");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), label);
        } catch (IOException e) {
            throw new DefinitionException(label, 0, 0, "cannot read the resource: " + e);
        }
    }

    private static void scanLimits(String text, LoadSettings settings, String source) {
        int depth = 0;
        int aliases = 0;
        for (Event e : new Parse(settings).parseString(text)) {
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw error(source, e.getStartMark(), "nesting deeper than " + MAX_DEPTH + " levels");
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                case Alias -> {
                    if (++aliases > MAX_ALIASES) {
                        throw error(source, e.getStartMark(), "more than " + MAX_ALIASES + " aliases");
                    }
                }
                default -> {
                }
            }
        }
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
     * @param problem what is wrong
     * @return the exception to throw
     */
    public DefinitionException error(Node at, String problem) {
        return error(source, at.getStartMark(), problem);
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

    private static DefinitionException error(String source, Optional<Mark> mark, String problem) {
        return mark.map(m -> new DefinitionException(source, m.getLine() + 1, m.getColumn() + 1, problem))
                .orElseGet(() -> new DefinitionException(source, 0, 0, problem));
    }

    private void visit(Node node) {
        if (++visits > MAX_VISITS) {
            throw error(node, "the document expands to more than " + MAX_VISITS
                    + " nodes (alias expansion?); refused");
        }
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
        visit(node);
        if (!(node instanceof MappingNode m)) {
            throw error(node, what + " must be a mapping, was " + describe(node));
        }
        Map<String, Node> result = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            visit(k);
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
        visit(node);
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
        visit(node);
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
        visit(node);
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
        visit(node);
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
        visit(node);
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
        visit(node);
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
