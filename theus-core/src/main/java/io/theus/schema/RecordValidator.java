package io.theus.schema;

import java.util.List;

/**
 * Validates record values the schema gate finds in a commit (at any depth of the values it writes). The
 * {@code theus-validation} module provides one backed by Jakarta Bean Validation ({@code BeanValidation}).
 *
 * <p>Implementations must be thread-safe: the gate calls them from every committing thread.
 */
@FunctionalInterface
public interface RecordValidator {

    /**
     * Validates one record.
     *
     * @param path where the record is about to be stored, e.g. {@code domain.user}
     * @param value the record
     * @return the violations (paths under {@code path}, e.g. {@code domain.user.age}); empty when valid
     */
    List<SchemaViolation> validate(String path, Record value);
}
