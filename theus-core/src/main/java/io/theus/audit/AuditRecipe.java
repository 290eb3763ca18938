package io.theus.audit;

import io.theus.DefinitionException;
import io.theus.audit.internal.RecipeLoader;
import io.theus.internal.yaml.YamlReader;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An audit recipe: the global settings and, per process, the rules checked on its inputs and outputs (SPEC §5).
 * Load one from YAML in the shape Theus users write, or build one in code; give it to the engine with
 * {@code TheusEngine.builder().audit(recipe)}.
 *
 * {@snippet lang=yaml :
 * audit:
 *   level: B
 *   threshold_max: 3
 * process_recipes:
 *   add_product:
 *     inputs:
 *       - field: price
 *         min: 0
 *         level: B
 *         threshold_max: 1
 *     outputs:
 *       - field: domain.total_value
 *         max: 1e9
 *         level: S
 * }
 *
 * <p>A malformed recipe (YAML syntax, unknown keys, values of the wrong type, bad regular expressions, rules without a
 * check, alias bombs, nesting deeper than 64 levels) is refused at load with a {@link DefinitionException} naming the
 * document, line and column. Whether each rule's field fits its process (an argument or declared path) is checked
 * when the process is registered on an engine using the recipe.
 *
 * <p>Immutable and thread-safe.
 */
public final class AuditRecipe {
    private static final AuditRecipe EMPTY = new Builder().source("empty recipe").build();

    private final String source;
    private final AuditSettings settings;
    private final Map<String, ProcessRecipe> processes;

    private AuditRecipe(String source, AuditSettings settings, Map<String, ProcessRecipe> processes) {
        this.source = source;
        this.settings = settings;
        this.processes = Collections.unmodifiableMap(new LinkedHashMap<>(processes));
    }

    /** {@return a recipe without rules: the engine logs successes, failures and admin scopes, and counts failures} */
    public static AuditRecipe empty() {
        return EMPTY;
    }

    /** {@return a builder for a recipe defined in code} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses a recipe held in a string.
     *
     * @param yaml the YAML text
     * @param source how errors name the document
     * @return the recipe
     * @throws DefinitionException if the recipe is malformed
     */
    public static AuditRecipe parse(String yaml, String source) {
        return RecipeLoader.load(YamlReader.plain().parse(source, yaml));
    }

    /**
     * Loads a recipe file.
     *
     * @param file a UTF-8 YAML file
     * @return the recipe
     * @throws DefinitionException if the file cannot be read or the recipe is malformed
     */
    public static AuditRecipe load(java.nio.file.Path file) {
        return RecipeLoader.load(YamlReader.plain().load(file));
    }

    /**
     * Loads a recipe from the classpath (the thread's context class loader, else this class's loader).
     *
     * @param resource the resource name, e.g. {@code com/example/audit_recipe.yaml}
     * @return the recipe
     * @throws DefinitionException if the resource is missing or the recipe is malformed
     */
    public static AuditRecipe loadResource(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loadResource(loader != null ? loader : AuditRecipe.class.getClassLoader(), resource);
    }

    /**
     * Loads a recipe from the classpath of a class loader.
     *
     * @param loader the class loader
     * @param resource the resource name
     * @return the recipe
     * @throws DefinitionException if the resource is missing or the recipe is malformed
     */
    public static AuditRecipe loadResource(ClassLoader loader, String resource) {
        return RecipeLoader.load(YamlReader.plain().loadResource(resource, loader));
    }

    /** {@return where the recipe came from (file, resource, or a name given in code)} */
    public String source() {
        return source;
    }

    /** {@return the global settings} */
    public AuditSettings settings() {
        return settings;
    }

    /** {@return the rules of every process, by process name, in definition order} */
    public Map<String, ProcessRecipe> processes() {
        return processes;
    }

    /**
     * Looks up the rules of a process.
     *
     * @param process the process name
     * @return its rules, if the recipe has any
     */
    public Optional<ProcessRecipe> process(String process) {
        return Optional.ofNullable(processes.get(process));
    }

    @Override
    public String toString() {
        return "AuditRecipe[" + source + ", " + settings + ", processes=" + processes.keySet() + "]";
    }

    /**
     * Builds an {@link AuditRecipe}. Every rule is checked when added and again against the final settings in
     * {@link #build()}.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private String source = "AuditRecipe.builder()";
        private AuditSettings settings = AuditSettings.defaults();
        private final Map<String, List<AuditRule>> inputs = new LinkedHashMap<>();
        private final Map<String, List<AuditRule>> outputs = new LinkedHashMap<>();
        private final List<String> order = new ArrayList<>();

        private Builder() {
        }

        /**
         * Names the recipe (shown in errors and {@link AuditRecipe#source()}).
         *
         * @param value the name
         * @return this builder
         */
        public Builder source(String value) {
            this.source = Objects.requireNonNull(value, "source");
            return this;
        }

        /**
         * Replaces the global settings.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder settings(AuditSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * Sets the default level (and the level of process failures).
         *
         * @param value the level
         * @return this builder
         */
        public Builder level(AuditLevel value) {
            this.settings = settings.withLevel(value);
            return this;
        }

        /**
         * Sets the default {@code threshold_max}.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder thresholdMax(int value) {
            this.settings = settings.withThresholdMax(value);
            return this;
        }

        /**
         * Sets {@code threshold_min}, the count at which a warning is logged.
         *
         * @param value at least 0 (0 for never)
         * @return this builder
         */
        public Builder thresholdMin(int value) {
            this.settings = settings.withThresholdMin(value);
            return this;
        }

        /**
         * Sets whether a clean successful execution resets the process's counters.
         *
         * @param value whether success resets counters
         * @return this builder
         */
        public Builder resetOnSuccess(boolean value) {
            this.settings = settings.withResetOnSuccess(value);
            return this;
        }

        /**
         * Adds an input rule of a process.
         *
         * @param process the process name
         * @param rule the rule, with at least one check
         * @return this builder
         */
        public Builder input(String process, AuditRule rule) {
            add(inputs, process, rule);
            return this;
        }

        /**
         * Adds an output rule of a process.
         *
         * @param process the process name
         * @param rule the rule, with at least one check
         * @return this builder
         */
        public Builder output(String process, AuditRule rule) {
            add(outputs, process, rule);
            return this;
        }

        /**
         * Makes sure a process appears in the recipe even without rules.
         *
         * @param process the process name
         * @return this builder
         */
        public Builder process(String process) {
            if (Objects.requireNonNull(process, "process").isBlank()) {
                throw new IllegalArgumentException("process name must not be blank");
            }
            if (!order.contains(process)) {
                order.add(process);
            }
            return this;
        }

        private void add(Map<String, List<AuditRule>> target, String process, AuditRule rule) {
            Objects.requireNonNull(rule, "rule");
            process(process);
            if (!rule.hasCheck()) {
                throw new IllegalArgumentException("the rule on '" + rule.field() + "' of process '" + process
                        + "' has no check; give it min, max, eq, neq, min_len, max_len or regex");
            }
            target.computeIfAbsent(process, k -> new ArrayList<>()).add(rule);
        }

        /**
         * Builds the recipe.
         *
         * @return the recipe
         * @throws IllegalArgumentException if a rule sets {@code threshold_max} but inherits a level other than B
         */
        public AuditRecipe build() {
            Map<String, ProcessRecipe> processes = new LinkedHashMap<>();
            for (String p : order) {
                List<AuditRule> in = inputs.getOrDefault(p, List.of());
                List<AuditRule> out = outputs.getOrDefault(p, List.of());
                for (AuditRule r : in) {
                    checkInherited(r);
                }
                for (AuditRule r : out) {
                    checkInherited(r);
                }
                processes.put(p, new ProcessRecipe(in, out));
            }
            return new AuditRecipe(source, settings, processes);
        }

        private void checkInherited(AuditRule r) {
            if (r.thresholdMax() != null && r.level() == null && settings.level() != AuditLevel.B) {
                throw new IllegalArgumentException(AuditRule.levelOnlyB(r.field(), settings.level())
                        + " (inherited from the audit block)");
            }
        }
    }
}
