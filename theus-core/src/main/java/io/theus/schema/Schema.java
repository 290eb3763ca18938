package io.theus.schema;

import io.theus.DefinitionException;
import io.theus.InvalidPathException;
import io.theus.internal.yaml.YamlDocument;
import io.theus.internal.yaml.YamlReader;
import io.theus.schema.internal.FieldCheck;
import io.theus.schema.internal.SchemaLoader;
import io.theus.state.Path;
import io.theus.state.Zone;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A context schema for the Type Shield: per-path types and constraints, and optional validators of record values.
 * Give it to the engine with {@code TheusEngine.builder().schema(schema)}; every commit is then checked on the paths
 * it changes before it is applied, and a violation rejects it with a {@link SchemaViolationException}.
 *
 * {@snippet lang=yaml :
 * context:
 *   global:
 *     max_capacity: {type: integer, min: 1, default: 500}
 *   domain:
 *     items: {type: list, max_len: 1000, default: []}
 *     total_value: {type: integer, min: 0, required: true, default: 0}
 *     accounts:
 *       "*":                      # every entry of the accounts map
 *         balance: {type: integer, min: 0, required: true}
 * }
 *
 * <p>Paths may use {@code *} for any single segment. A malformed schema is refused at load with a
 * {@link DefinitionException} naming the document, line and column.
 *
 * <p>Immutable and thread-safe.
 */
public final class Schema {
    private final String source;
    private final Map<String, FieldSpec> fields;
    private final List<RecordValidator> recordValidators;

    private Schema(String source, Map<String, FieldSpec> fields, List<RecordValidator> recordValidators) {
        this.source = source;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.recordValidators = List.copyOf(recordValidators);
    }

    /** {@return a builder for a schema defined in code} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses a schema held in a string.
     *
     * @param yaml the YAML text
     * @param source how errors name the document
     * @return the schema
     * @throws DefinitionException if the schema is malformed
     */
    public static Schema parse(String yaml, String source) {
        return SchemaLoader.load(YamlReader.plain().parse(source, yaml), builder().source(source)).build();
    }

    /**
     * Loads a schema file.
     *
     * @param file a UTF-8 YAML file
     * @return the schema
     * @throws DefinitionException if the file cannot be read or the schema is malformed
     */
    public static Schema load(java.nio.file.Path file) {
        return SchemaLoader.load(YamlReader.plain().load(file), builder().source(file.toString())).build();
    }

    /**
     * Loads a schema from the classpath (the thread's context class loader, else this class's loader).
     *
     * @param resource the resource name, e.g. {@code com/example/context_schema.yaml}
     * @return the schema
     * @throws DefinitionException if the resource is missing or the schema is malformed
     */
    public static Schema loadResource(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        YamlDocument doc = YamlReader.plain().loadResource(resource,
                loader != null ? loader : Schema.class.getClassLoader());
        return SchemaLoader.load(doc, builder().source(doc.source())).build();
    }

    /** {@return where the schema came from} */
    public String source() {
        return source;
    }

    /** {@return the field specs by canonical path (patterns included), in definition order} */
    public Map<String, FieldSpec> fields() {
        return fields;
    }

    /**
     * Looks up the spec of a path as written in the schema.
     *
     * @param path a path or pattern
     * @return its spec, if the schema has one
     */
    public Optional<FieldSpec> field(String path) {
        return Optional.ofNullable(fields.get(Path.of(path).toString()));
    }

    /** {@return the record validators, in the order added} */
    public List<RecordValidator> recordValidators() {
        return recordValidators;
    }

    /**
     * Returns a builder holding everything in this schema, to extend it.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return builder().source(source).include(this);
    }

    @Override
    public String toString() {
        return "Schema[" + source + ", " + fields.size() + " field(s), " + recordValidators.size()
                + " record validator(s)]";
    }

    /**
     * Builds a {@link Schema}. Each field is checked when added; defaults are checked against their specs in
     * {@link #build()}.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private String source = "Schema.builder()";
        private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
        private final List<RecordValidator> validators = new ArrayList<>();

        private Builder() {
        }

        /**
         * Names the schema (shown in {@link Schema#source()}).
         *
         * @param value the name
         * @return this builder
         */
        public Builder source(String value) {
            this.source = Objects.requireNonNull(value, "source");
            return this;
        }

        /**
         * Adds the spec of a path.
         *
         * @param path a path or pattern ({@code *} for any segment) under {@code global}, {@code domain},
         *             {@code heavy} or a namespace; not a SIGNAL-zone path
         * @param spec its spec
         * @return this builder
         * @throws IllegalArgumentException if the path is malformed, transient or already has a spec
         */
        public Builder field(String path, FieldSpec spec) {
            Objects.requireNonNull(spec, "spec");
            Path p;
            try {
                p = Path.of(Objects.requireNonNull(path, "path"));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("schema path '" + path + "' is malformed: " + e.getMessage());
            }
            if (p.root().equals(Path.LOCAL_ROOT) || p.root().equals(Path.SIGNAL_ROOT) || p.root().equals(
                    Path.WILDCARD) || Zone.of(p) == Zone.SIGNAL) {
                throw new IllegalArgumentException("schema path '" + p + "' is not committed state (local scratch, "
                        + "signals and wildcard roots cannot have a schema)");
            }
            if (p.hasWildcard() && spec.defaultValue() != null) {
                throw new IllegalArgumentException("schema pattern '" + p + "' cannot have a default");
            }
            if (fields.putIfAbsent(p.toString(), spec) != null) {
                throw new IllegalArgumentException("schema path '" + p + "' is defined twice");
            }
            return this;
        }

        /**
         * Adds a validator of record values.
         *
         * @param validator e.g. {@code BeanValidation.recordValidator()} from {@code theus-validation}
         * @return this builder
         */
        public Builder recordValidator(RecordValidator validator) {
            validators.add(Objects.requireNonNull(validator, "validator"));
            return this;
        }

        /**
         * Adds every field and validator of another schema.
         *
         * @param other the schema
         * @return this builder
         * @throws IllegalArgumentException if both define a path
         */
        public Builder include(Schema other) {
            other.fields.forEach(this::field);
            validators.addAll(other.recordValidators);
            return this;
        }

        /**
         * Builds the schema.
         *
         * @return the schema
         * @throws IllegalArgumentException if a default does not satisfy its spec
         */
        public Schema build() {
            fields.forEach((path, spec) -> {
                if (spec.defaultValue() != null) {
                    String failure = new FieldCheck(spec).firstFailure(spec.defaultValue());
                    if (failure != null) {
                        throw new IllegalArgumentException("default of schema path '" + path + "' ("
                                + spec.defaultValue() + ") violates " + failure);
                    }
                }
            });
            return new Schema(source, fields, validators);
        }
    }
}
