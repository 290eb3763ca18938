package io.theus.internal.yaml;

import io.theus.DefinitionException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.theus.internal.yaml.YamlReader.MAX_DEPTH;
import static io.theus.internal.yaml.YamlReader.MAX_NODES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event pass measures the tree walkers will see: for documents of anchors that alias each other inside nested
 * lists and mappings, the reader accepts exactly those whose composed tree, aliases expanded, is at most
 * {@value YamlReader#MAX_DEPTH} levels deep and {@value YamlReader#MAX_NODES} nodes large — measured here on the
 * node graph SnakeYAML composes without the reader's limits.
 */
class EventLimitsPropertyTest {

    @Property(tries = 300)
    void theReaderAcceptsExactlyTheDocumentsWhoseExpandedTreeIsWithinTheLimits(@ForAll("documents") String yaml) {
        Node root = new Compose(LoadSettings.builder().setSchema(new CoreSchema()).setMaxAliasesForCollections(100)
                .build()).composeString(yaml).orElseThrow();
        int height = height(root, new IdentityHashMap<>());
        int size = size(root, new IdentityHashMap<>());
        String outcome;
        try {
            YamlReader.plain().parse("p.yaml", yaml);
            outcome = "accepted";
        } catch (DefinitionException e) {
            outcome = e.problem();
        }
        String expected = height > MAX_DEPTH ? "nesting deeper than 64 levels"
                : size > MAX_NODES ? "the document expands to more than 50000 nodes (aliases expanded)"
                : "accepted";
        assertThat(outcome).as("height %d, size %d", height, size).isEqualTo(expected);
        Statistics.label("outcome").collect(outcome.substring(0, 8));
        Statistics.label("outcome").coverage(c -> {
            c.check("accepted").percentage(p -> p >= 3);
            c.check("nesting ").percentage(p -> p >= 3);
            c.check("the docu").percentage(p -> p >= 3);
        });
    }

    /** Collections on the longest path (a scalar is 0), shared nodes measured once. */
    private static int height(Node node, Map<Node, Integer> memo) {
        Integer known = memo.get(node);
        if (known != null) {
            return known;
        }
        int h = children(node).stream().mapToInt(c -> height(c, memo)).max().orElse(-1) + 1;
        h = node instanceof MappingNode || node instanceof SequenceNode ? Math.max(h, 1) : 0;
        memo.put(node, h);
        return h;
    }

    /** Nodes of the expanded tree, saturated past the budget. */
    private static int size(Node node, Map<Node, Integer> memo) {
        Integer known = memo.get(node);
        if (known != null) {
            return known;
        }
        long n = 1;
        for (Node c : children(node)) {
            n = Math.min(n + size(c, memo), MAX_NODES + 1L);
        }
        memo.put(node, (int) n);
        return (int) n;
    }

    private static List<Node> children(Node node) {
        return switch (node) {
            case SequenceNode s -> s.getValue();
            case MappingNode m -> m.getValue().stream()
                    .flatMap((NodeTuple t) -> Stream.of(t.getKeyNode(), t.getValueNode())).toList();
            default -> List.of();
        };
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<Anchor> anchor = Combinators.combine(Arbitraries.integers().between(0, 14),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 99).list().ofMinSize(5).ofMaxSize(8))
                .as(Anchor::new);
        return anchor.list().ofMinSize(5).ofMaxSize(8).map(EventLimitsPropertyTest::document);
    }

    /**
     * One anchored value: a list or mapping of items wrapped in {@code wrap} single-item lists.
     *
     * @param wrap how many lists enclose the value
     * @param mapping whether the items are the values of a mapping
     * @param items per item, below 10 a scalar, else an alias to one of the two anchors before
     */
    private record Anchor(int wrap, boolean mapping, List<Integer> items) {
    }

    private static String document(List<Anchor> anchors) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < anchors.size(); i++) {
            Anchor a = anchors.get(i);
            List<String> items = new ArrayList<>();
            for (int k = 0; k < a.items().size(); k++) {
                int r = a.items().get(k);
                String item = r < 10 || i == 0 ? "x" : "*a" + (i - 1 - r % Math.min(i, 2));
                items.add(a.mapping() ? "k" + k + ": " + item : item);
            }
            String value = (a.mapping() ? "{" : "[") + String.join(", ", items) + (a.mapping() ? "}" : "]");
            yaml.append("a").append(i).append(": &a").append(i).append(' ').append("[".repeat(a.wrap()))
                    .append(value).append("]".repeat(a.wrap())).append('\n');
        }
        return yaml.toString();
    }
}
