/**
 * The Type Shield (SPEC §6): a schema of per-path types and constraints, loaded from a {@code context_schema.yaml}
 * or built in code, and checked by a gate on every commit before it is applied. Record values can also be checked by
 * a {@link io.theus.schema.RecordValidator} (Jakarta Bean Validation lives in the {@code theus-validation} module).
 */
package io.theus.schema;
