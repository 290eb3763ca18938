package io.theus.schema;

import java.util.Objects;

/**
 * One reason a commit was rejected by the schema gate.
 *
 * <p>Immutable and thread-safe (the value is an immutable state value).
 *
 * @param path the offending path, e.g. {@code domain.total_value} or {@code domain.user.age}
 * @param value the offending value, or {@code null} when a required value is missing
 * @param rule the rule broken, e.g. {@code type integer}, {@code required}, {@code min 0},
 *             {@code @Min(0): must be greater than or equal to 0}
 */
public record SchemaViolation(String path, Object value, String rule) {
    /**
     * Validates the components.
     *
     * @param path not {@code null}
     * @param value the value or {@code null}
     * @param rule not {@code null}
     */
    public SchemaViolation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
    }
}
