package io.theus.audit.internal;

import io.theus.DefinitionException;
import io.theus.audit.AuditLevel;
import io.theus.audit.AuditRecipe;
import io.theus.audit.AuditRule;
import io.theus.audit.AuditSettings;
import io.theus.internal.yaml.YamlDocument;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an audit recipe from a YAML document in the shape of the reference ({@code audit:} block and
 * {@code process_recipes:}), checking every key and value and reporting the first problem with its line and column.
 *
 * <p>Stateless and thread-safe.
 */
public final class RecipeLoader {
    private static final Set<String> TOP = Set.of("audit", "process_recipes");
    private static final Set<String> AUDIT = Set.of("level", "threshold_max", "threshold_min", "reset_on_success");
    private static final Set<String> PROCESS = Set.of("inputs", "outputs");
    private static final Set<String> RULE = Set.of("field", "min", "max", "eq", "neq", "min_len", "max_len", "regex",
            "level", "threshold_max", "message");

    private RecipeLoader() {
    }

    /**
     * Reads a recipe.
     *
     * @param doc the parsed document
     * @return the recipe
     * @throws DefinitionException at the first malformed node
     */
    public static AuditRecipe load(YamlDocument doc) {
        Node root = doc.root();
        Map<String, Node> top = doc.mapping(root, "the recipe");
        doc.allowOnly(top, root, "the recipe", TOP);
        AuditSettings settings = settings(doc, top.get("audit"));
        AuditRecipe.Builder builder = AuditRecipe.builder().source(doc.source()).settings(settings);
        Node recipes = top.get("process_recipes");
        if (recipes != null && !YamlDocument.isNull(recipes)) {
            for (Map.Entry<String, Node> e : doc.mapping(recipes, "process_recipes").entrySet()) {
                process(doc, builder, settings, e.getKey(), e.getValue(), doc.keyNode(recipes, e.getKey()));
            }
        }
        return builder.build();
    }

    private static AuditSettings settings(YamlDocument doc, Node node) {
        AuditSettings s = AuditSettings.defaults();
        if (node == null || YamlDocument.isNull(node)) {
            return s;
        }
        Map<String, Node> m = doc.mapping(node, "the audit block");
        doc.allowOnly(m, node, "the audit block", AUDIT);
        if (m.containsKey("level")) {
            s = s.withLevel(level(doc, m.get("level")));
        }
        if (m.containsKey("threshold_max")) {
            s = s.withThresholdMax(doc.integer(m.get("threshold_max"), "threshold_max", 1));
        }
        if (m.containsKey("threshold_min")) {
            s = s.withThresholdMin(doc.integer(m.get("threshold_min"), "threshold_min", 0));
        }
        if (m.containsKey("reset_on_success")) {
            s = s.withResetOnSuccess(doc.bool(m.get("reset_on_success"), "reset_on_success"));
        }
        return s;
    }

    private static void process(YamlDocument doc, AuditRecipe.Builder builder, AuditSettings settings, String name,
                                Node node, Node keyNode) {
        if (name.isBlank()) {
            throw doc.error(keyNode, "process names in process_recipes must not be blank");
        }
        builder.process(name);
        if (YamlDocument.isNull(node)) {
            return;
        }
        String what = "the recipe of process '" + name + "'";
        Map<String, Node> m = doc.mapping(node, what);
        doc.allowOnly(m, node, what, PROCESS);
        for (String direction : List.of("inputs", "outputs")) {
            Node list = m.get(direction);
            if (list == null || YamlDocument.isNull(list)) {
                continue;
            }
            for (Node ruleNode : doc.sequence(list, direction + " of process '" + name + "'")) {
                AuditRule rule = rule(doc, settings, ruleNode, direction + " rule of process '" + name + "'");
                if (direction.equals("inputs")) {
                    builder.input(name, rule);
                } else {
                    builder.output(name, rule);
                }
            }
        }
    }

    private static AuditRule rule(YamlDocument doc, AuditSettings settings, Node node, String what) {
        Map<String, Node> m = doc.mapping(node, "an " + what);
        doc.allowOnly(m, node, "an " + what, RULE);
        if (!m.containsKey("field")) {
            throw doc.error(node, "an " + what + " needs a 'field'");
        }
        AuditRule rule = AuditRule.on(rawField(doc, m.get("field"))).origin(doc.location(node));
        for (Map.Entry<String, Node> e : m.entrySet()) {
            rule = apply(doc, rule, e.getKey(), e.getValue(), doc.keyNode(node, e.getKey()));
        }
        if (!rule.hasCheck()) {
            throw doc.error(node, "the " + what + " on '" + rule.field()
                    + "' has no check; give it min, max, eq, neq, min_len, max_len or regex");
        }
        if (rule.thresholdMax() != null && rule.level() == null && settings.level() != AuditLevel.B) {
            throw doc.error(doc.keyNode(node, "threshold_max"), "threshold_max applies to level B only; the rule on '"
                    + rule.field() + "' inherits level " + settings.level() + " from the audit block");
        }
        return rule;
    }

    private static String rawField(YamlDocument doc, Node node) {
        String field = doc.string(node, "field");
        try {
            AuditRule.on(field);
        } catch (IllegalArgumentException e) {
            throw doc.error(node, e.getMessage());
        }
        return field;
    }

    private static AuditRule apply(YamlDocument doc, AuditRule r, String key, Node v, Node keyNode) {
        try {
            return switch (key) {
                case "field" -> r;
                case "min" -> r.min(doc.number(v, "min"));
                case "max" -> r.max(doc.number(v, "max"));
                case "eq" -> r.eq(nonNull(doc, v, "eq"));
                case "neq" -> r.neq(nonNull(doc, v, "neq"));
                case "min_len" -> r.minLen(doc.integer(v, "min_len", 0));
                case "max_len" -> r.maxLen(doc.integer(v, "max_len", 0));
                case "regex" -> r.regex(doc.string(v, "regex"));
                case "level" -> r.level(level(doc, v));
                case "threshold_max" -> r.thresholdMax(doc.integer(v, "threshold_max", 1));
                case "message" -> r.message(doc.string(v, "message"));
                default -> throw new IllegalStateException("unreachable: " + key);
            };
        } catch (IllegalArgumentException e) {
            throw doc.error(key.equals("regex") ? v : keyNode, e.getMessage());
        }
    }

    private static Object nonNull(YamlDocument doc, Node v, String key) {
        Object value = doc.scalar(v, key);
        if (value == null) {
            throw doc.error(v, key + " must be a number, a string or a boolean, was empty (null)");
        }
        return value;
    }

    /**
     * Reads a level: a letter ({@code S A B C I}) or a name ({@code stop abort block count info ignore}), any case.
     *
     * @param doc the document
     * @param node the node
     * @return the level
     */
    static AuditLevel level(YamlDocument doc, Node node) {
        String text = doc.string(node, "level");
        AuditLevel level = switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "S", "STOP" -> AuditLevel.S;
            case "A", "ABORT" -> AuditLevel.A;
            case "B", "BLOCK" -> AuditLevel.B;
            case "C", "COUNT" -> AuditLevel.C;
            case "I", "INFO", "IGNORE" -> AuditLevel.I;
            default -> null;
        };
        if (level == null) {
            throw doc.error(node, "level must be one of S, A, B, C, I (or stop, abort, block, count, info), was '"
                    + text + "'");
        }
        return level;
    }
}
