package io.theus.internal.yaml;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import static io.theus.internal.yaml.YamlReader.MAX_ALIASES;
import static io.theus.internal.yaml.YamlReader.MAX_DEPTH;
import static io.theus.internal.yaml.YamlReader.MAX_NODES;

/**
 * The pass over the parser's events that runs before the (recursive) composer: it refuses a second document,
 * nesting deeper than {@value YamlReader#MAX_DEPTH} levels, more than {@value YamlReader#MAX_ALIASES} aliases, a
 * tree of more than {@value YamlReader#MAX_NODES} nodes once aliases are expanded, and aliases to a collection that
 * is still open (recursion).
 *
 * <p>Algorithm: a stack holds one frame per open collection with the size of its expanded subtree so far and the
 * height of its tallest child. When a collection ends, its size and height are recorded under its anchor (if any);
 * an alias adds the recorded size to the document's total and checks its depth plus the recorded height, so the
 * limits hold for the tree every walker will see, without expanding anything. Sizes saturate just past the budget,
 * so the arithmetic cannot overflow. An anchor is marked open while its collection is being read: an alias to it
 * then would make the tree infinite. Undefined aliases are left to the composer, which reports them.
 *
 * <p>Order of refusals: what is written at one place (a second document, a level too deep, one alias too many, a
 * recursive alias) is refused at the first event that breaks it; the expanded size is a property of the whole
 * document, so it is refused after the last event (at the alias where it crossed the budget) if nothing else was.
 *
 * <p>Not thread-safe: one per document.
 */
final class EventLimits {
    private static final Subtree OPEN = new Subtree(-1, -1);

    private final String source;
    private final DefinitionErrors errors;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final Map<Anchor, Subtree> anchors = new HashMap<>();
    private int documents;
    private int aliases;
    private int nodes;
    private Event overBudget;

    private EventLimits(String source, DefinitionErrors errors) {
        this.source = source;
        this.errors = errors;
    }

    /**
     * Checks a document's events.
     *
     * @param text the document
     * @param settings the settings the composer will use
     * @param source how errors name the document
     * @param errors how errors are made
     */
    static void check(String text, LoadSettings settings, String source, DefinitionErrors errors) {
        EventLimits limits = new EventLimits(source, errors);
        for (Event e : new Parse(settings).parseString(text)) {
            limits.accept(e);
        }
        if (limits.overBudget != null) {
            throw limits.fail(limits.overBudget, "the document expands to more than " + MAX_NODES + " nodes "
                    + "(aliases expanded)", "at most " + MAX_NODES + " nodes");
        }
    }

    private void accept(Event e) {
        switch (e.getEventId()) {
            case DocumentStart -> {
                if (++documents > 1) {
                    throw fail(e, "expected one YAML document, found a second one", "one document per file");
                }
            }
            case MappingStart, SequenceStart -> start(e);
            case MappingEnd, SequenceEnd -> end();
            case Scalar -> {
                Subtree leaf = new Subtree(1, 0);
                count(e, leaf.size);
                ((NodeEvent) e).getAnchor().ifPresent(a -> anchors.put(a, leaf));
                add(leaf);
            }
            case Alias -> alias((AliasEvent) e);
            default -> {
            }
        }
    }

    private void start(Event e) {
        if (open.size() + 1 > MAX_DEPTH) {
            throw tooDeep(e);
        }
        count(e, 1);
        Anchor anchor = ((NodeEvent) e).getAnchor().orElse(null);
        if (anchor != null) {
            anchors.put(anchor, OPEN);
        }
        open.push(new Frame(anchor));
    }

    private void end() {
        Frame done = open.pop();
        Subtree tree = new Subtree(done.size, done.tallestChild + 1);
        if (done.anchor != null) {
            anchors.put(done.anchor, tree);
        }
        add(tree);
    }

    private void alias(AliasEvent e) {
        if (++aliases > MAX_ALIASES) {
            throw fail(e, "more than " + MAX_ALIASES + " aliases", "at most " + MAX_ALIASES + " aliases");
        }
        Subtree target = anchors.get(e.getAlias());
        if (target == OPEN) {
            throw fail(e, "the alias *" + e.getAlias().getValue() + " refers to a collection that contains it "
                    + "(a recursive document)", "a document without self-references");
        }
        if (target == null) {
            target = new Subtree(1, 0);
        }
        if (open.size() + target.height > MAX_DEPTH) {
            throw tooDeep(e);
        }
        count(e, target.size);
        add(target);
    }

    private void add(Subtree tree) {
        Frame parent = open.peek();
        if (parent != null) {
            parent.size = saturated(parent.size + tree.size);
            parent.tallestChild = Math.max(parent.tallestChild, tree.height);
        }
    }

    private void count(Event e, int n) {
        nodes = saturated(nodes + n);
        if (nodes > MAX_NODES && overBudget == null) {
            overBudget = e;
        }
    }

    private static int saturated(int size) {
        return Math.min(size, MAX_NODES + 1);
    }

    private RuntimeException tooDeep(Event e) {
        return fail(e, "nesting deeper than " + MAX_DEPTH + " levels", "at most " + MAX_DEPTH + " levels");
    }

    private RuntimeException fail(Event e, String problem, String expected) {
        Position at = Position.of(e.getStartMark());
        return errors.create(source, at.line(), at.column(), problem, expected, null);
    }

    /** An open collection: its anchor, the size of its expanded subtree so far, the height of its tallest child. */
    private static final class Frame {
        private final Anchor anchor;
        private int size = 1;
        private int tallestChild;

        Frame(Anchor anchor) {
            this.anchor = anchor;
        }
    }

    /**
     * A finished node as an alias to it would expand.
     *
     * @param size the nodes of its expanded subtree, itself included
     * @param height 0 for a scalar, 1 + its tallest child for a collection
     */
    private record Subtree(int size, int height) {
    }
}
