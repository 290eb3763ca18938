package io.theus.flux.internal;

import io.theus.DefinitionException;
import io.theus.internal.Spelling;
import io.theus.flux.StepKind;
import io.theus.flux.StepLocation;
import io.theus.flux.WorkflowDefinitionException;
import io.theus.internal.yaml.Position;
import io.theus.internal.yaml.YamlDocument;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Validates a composed YAML node tree into a workflow syntax tree: the document's keys, every step's shape, its
 * keys and their types, non-empty blocks, conditions (parsed and compiled here) and constant arguments. Each problem
 * is a {@link WorkflowDefinitionException} at the offending node. Steps get their ids in reading order.
 *
 * <p>Aliases are expanded as the tree is walked; the shared reader has already bounded the expanded tree's depth
 * and size and refused recursive aliases, so the recursive walk is safe.
 *
 * <p>Not thread-safe; one per document.
 */
final class DocumentReader {
    private static final Set<String> DOCUMENT_KEYS = Set.of("steps", "name", "description", "max_ops");
    private static final Set<String> PROCESS_KEYS = Set.of("process", "args", "name", "description");
    private static final Map<String, Set<String>> FLUX_KEYS = Map.of(
            "if", Set.of("flux", "condition", "then", "else", "name", "description"),
            "while", Set.of("flux", "condition", "do", "name", "description"),
            "run", Set.of("flux", "steps", "name", "description"),
            "parallel", Set.of("flux", "branches", "name", "description"));
    private static final String STEP = "a process name, a mapping with 'process', or a mapping with 'flux' "
            + "(if, while, run, parallel)";

    private final YamlDocument yaml;
    private final String source;
    private final List<StepLocation> locations = new ArrayList<>();
    private final Set<String> processes = new TreeSet<>();

    DocumentReader(YamlDocument yaml) {
        this.yaml = yaml;
        this.source = yaml.source();
    }

    LoadedWorkflow read() {
        MappingNode doc = mapping(yaml.root(), "the workflow document", "a mapping with 'steps' (and optional "
                + "name, description, max_ops)");
        Map<String, NodeTuple> keys = keys(doc, DOCUMENT_KEYS, "the workflow document");
        NodeTuple steps = require(keys, "steps", doc, "the workflow document");
        String name = optionalText(keys.get("name"));
        String description = optionalText(keys.get("description"));
        long maxOps = keys.containsKey("max_ops") ? positive(keys.get("max_ops").getValueNode(), "max_ops") : 0;
        List<Step> block = block(steps.getValueNode(), "'steps'");
        return new LoadedWorkflow(source, name == null ? defaultName() : name, description, maxOps, block,
                locations, new LinkedHashSet<>(processes));
    }

    private String defaultName() {
        String base = source.replace('\\', '/');
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf(':')) + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    // ---------------------------------------------------------------- steps

    private List<Step> block(Node node, String what) {
        if (!(node instanceof SequenceNode seq)) {
            throw fail(node, what + " is " + describe(node), "a list of steps");
        }
        if (seq.getValue().isEmpty()) {
            throw fail(node, what + " is an empty block", "at least one step");
        }
        List<Step> steps = new ArrayList<>();
        for (Node item : seq.getValue()) {
            steps.add(step(item));
        }
        return List.copyOf(steps);
    }

    private Step step(Node node) {
        if (node instanceof ScalarNode s) {
            return call(node, processName(s), Map.of(), null);
        }
        if (!(node instanceof MappingNode m)) {
            throw fail(node, "a step is " + describe(node), STEP);
        }
        boolean flux = hasKey(m, "flux");
        boolean process = hasKey(m, "process");
        if (flux && process) {
            throw fail(node, "a step has both 'flux' and 'process'", "one of them");
        }
        if (process) {
            return processStep(m);
        }
        if (flux) {
            return fluxStep(m);
        }
        throw fail(node, "a step mapping has neither 'process' nor 'flux' (keys: " + keyNames(m) + ")", STEP);
    }

    private Step processStep(MappingNode m) {
        Map<String, NodeTuple> keys = keys(m, PROCESS_KEYS, "a process step");
        Node nameNode = keys.get("process").getValueNode();
        if (!(nameNode instanceof ScalarNode s)) {
            throw fail(nameNode, "'process' is " + describe(nameNode), "a process name");
        }
        String name = processName(s);
        NodeTuple args = keys.get("args");
        Map<String, Object> values = args == null ? Map.of() : arguments(args.getValueNode());
        optionalText(keys.get("name"));
        optionalText(keys.get("description"));
        return call(nameNode, name, values, args == null ? null : position(args.getValueNode()));
    }

    private Step call(Node at, String process, Map<String, Object> args, SourcePos argsAt) {
        StepLocation loc = location(at, StepKind.PROCESS, process);
        processes.add(process);
        return new Step.Call(loc, process, args, argsAt == null ? position(at) : argsAt);
    }

    private String processName(ScalarNode s) {
        if (!s.getTag().equals(Tag.STR) || s.getValue().isBlank()) {
            throw fail(s, "a process name is " + describe(s), "the name of a registered process");
        }
        return s.getValue().strip();
    }

    private Step fluxStep(MappingNode m) {
        Node kindNode = valueOf(m, "flux");
        String kind = kindNode instanceof ScalarNode s ? s.getValue() : null;
        Set<String> allowed = kind == null ? null : FLUX_KEYS.get(kind);
        if (allowed == null) {
            throw fail(kindNode, "unknown flux " + describe(kindNode) + suggestion(kind, FLUX_KEYS.keySet()),
                    "one of if, while, run, parallel");
        }
        String what = "a flux: " + kind + " step";
        Map<String, NodeTuple> keys = keys(m, allowed, what);
        String label = optionalText(keys.get("name"));
        optionalText(keys.get("description"));
        return switch (kind) {
            case "if" -> ifStep(m, keys, what);
            case "while" -> whileStep(m, keys, what);
            case "run" -> {
                StepLocation loc = location(m, StepKind.RUN, label == null ? "run" : label);
                yield new Step.Run(loc, block(require(keys, "steps", m, what).getValueNode(), "'steps'"));
            }
            default -> parallelStep(m, keys, what, label);
        };
    }

    private Step ifStep(MappingNode m, Map<String, NodeTuple> keys, String what) {
        NodeTuple cond = require(keys, "condition", m, what);
        NodeTuple then = require(keys, "then", m, what);
        Condition condition = condition(cond.getValueNode());
        StepLocation loc = location(m, StepKind.IF, condition.text());
        List<Step> thenBlock = block(then.getValueNode(), "'then'");
        List<Step> elseBlock = keys.containsKey("else") ? block(keys.get("else").getValueNode(), "'else'")
                : List.of();
        return new Step.If(loc, condition, thenBlock, elseBlock);
    }

    private Step whileStep(MappingNode m, Map<String, NodeTuple> keys, String what) {
        NodeTuple cond = require(keys, "condition", m, what);
        NodeTuple body = require(keys, "do", m, what);
        Condition condition = condition(cond.getValueNode());
        StepLocation loc = location(m, StepKind.WHILE, condition.text());
        return new Step.While(loc, condition, block(body.getValueNode(), "'do'"));
    }

    private Step parallelStep(MappingNode m, Map<String, NodeTuple> keys, String what, String label) {
        Node branches = require(keys, "branches", m, what).getValueNode();
        StepLocation loc = location(m, StepKind.PARALLEL, label == null ? "parallel" : label);
        if (!(branches instanceof SequenceNode seq)) {
            throw fail(branches, "'branches' is " + describe(branches), "a list of branches, each a list of steps");
        }
        if (seq.getValue().isEmpty()) {
            throw fail(branches, "'branches' is an empty block", "at least one branch");
        }
        List<List<Step>> blocks = new ArrayList<>();
        for (Node branch : seq.getValue()) {
            blocks.add(block(branch, "a branch"));
        }
        return new Step.Parallel(loc, List.copyOf(blocks));
    }

    private StepLocation location(Node at, StepKind kind, String label) {
        SourcePos pos = position(at);
        StepLocation loc = new StepLocation(locations.size(), kind, label, source, pos.line(), pos.column());
        locations.add(loc);
        return loc;
    }

    // ---------------------------------------------------------------- conditions

    private Condition condition(Node node) {
        if (!(node instanceof ScalarNode s) || s.getTag().equals(Tag.NULL) && s.getValue().isEmpty()) {
            throw fail(node, "'condition' is " + describe(node), "an expression such as domain.counter < 10");
        }
        IntFunction<Position> positions = yaml.positionsIn(s);
        try {
            return Condition.compile(s.getValue(), offset -> sourcePos(positions.apply(offset)));
        } catch (ExpressionSyntaxException e) {
            throw yaml.error(positions.apply(e.offset()), "invalid condition `" + s.getValue() + "`: "
                    + e.problem(), e.expected());
        }
    }

    // ---------------------------------------------------------------- values

    private Map<String, Object> arguments(Node node) {
        if (!(node instanceof MappingNode m)) {
            throw fail(node, "'args' is " + describe(node), "a mapping of argument names to values");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> args = (Map<String, Object>) value(m);
        return args;
    }

    private Object value(Node node) {
        return switch (node) {
            case ScalarNode s -> ScalarValues.of(s, this::fail);
            case SequenceNode seq -> {
                List<Object> list = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    list.add(value(item));
                }
                yield java.util.Collections.unmodifiableList(list);
            }
            case MappingNode m -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (NodeTuple t : m.getValue()) {
                    String key = keyText(t.getKeyNode());
                    if (map.containsKey(key)) {
                        throw fail(t.getKeyNode(), "duplicate key '" + key + "'", "each key once");
                    }
                    map.put(key, value(t.getValueNode()));
                }
                yield java.util.Collections.unmodifiableMap(map);
            }
            default -> throw fail(node, "unsupported YAML node " + node.getNodeType(), "a scalar, list or mapping");
        };
    }

    private long positive(Node node, String key) {
        Object v = node instanceof ScalarNode s ? ScalarValues.of(s, this::fail) : null;
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 1) {
            throw fail(node, "'" + key + "' is " + describe(node), "a positive integer");
        }
        return ((Number) v).longValue();
    }

    private String optionalText(NodeTuple t) {
        if (t == null) {
            return null;
        }
        Node v = t.getValueNode();
        if (!(v instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
            throw fail(v, "'" + keyText(t.getKeyNode()) + "' is " + describe(v), "a text");
        }
        return s.getValue();
    }

    // ---------------------------------------------------------------- mappings and keys

    private MappingNode mapping(Node node, String what, String expected) {
        if (!(node instanceof MappingNode m)) {
            throw fail(node, what + " is " + describe(node), expected);
        }
        return m;
    }

    private Map<String, NodeTuple> keys(MappingNode m, Set<String> allowed, String what) {
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = keyText(t.getKeyNode());
            if (!allowed.contains(key)) {
                throw fail(t.getKeyNode(), "unknown key '" + key + "' in " + what + suggestion(key, allowed),
                        "one of " + String.join(", ", new TreeSet<>(allowed)));
            }
            if (keys.putIfAbsent(key, t) != null) {
                throw fail(t.getKeyNode(), "duplicate key '" + key + "' in " + what, "each key once");
            }
        }
        return keys;
    }

    private NodeTuple require(Map<String, NodeTuple> keys, String key, Node owner, String what) {
        NodeTuple t = keys.get(key);
        if (t == null) {
            throw fail(owner, what + " has no '" + key + "'", "a '" + key + "' key");
        }
        return t;
    }

    private String keyText(Node key) {
        if (!(key instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
            throw fail(key, "a key is " + describe(key), "a plain text key");
        }
        return s.getValue();
    }

    private boolean hasKey(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private Node valueOf(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        throw new IllegalStateException("no key " + key);
    }

    private static String keyNames(MappingNode m) {
        List<String> names = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            names.add(t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?");
        }
        return String.join(", ", names);
    }

    private static String suggestion(String key, Set<String> allowed) {
        if (key == null) {
            return "";
        }
        return allowed.stream().filter(a -> Spelling.distance(a, key) <= 2).sorted().findFirst()
                .map(a -> "; did you mean '" + a + "'?").orElse("");
    }

    // ---------------------------------------------------------------- errors

    private static String describe(Node node) {
        return switch (node) {
            case ScalarNode s when s.getTag().equals(Tag.NULL) -> "empty";
            case ScalarNode s -> (s.getTag().equals(Tag.STR) ? "the text " : s.getTag().getValue()
                    .replace("tag:yaml.org,2002:", "") + " ") + "'" + abbreviate(s.getValue()) + "'";
            case SequenceNode q -> "a list";
            case MappingNode m -> "a mapping";
            default -> "a " + node.getNodeType();
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private SourcePos position(Node node) {
        return sourcePos(yaml.position(node));
    }

    private static SourcePos sourcePos(Position p) {
        return new SourcePos(p.line(), p.column());
    }

    private DefinitionException fail(Node node, String problem, String expected) {
        return yaml.error(node, problem, expected);
    }
}
