package io.theus.contract;

import java.util.Objects;

/**
 * A named parameter of a process.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the argument name callers use
 * @param type the declared type (arguments are converted to it without loss)
 * @param optional whether callers may omit it ({@code null} is then passed)
 */
public record Param(String name, Class<?> type, boolean optional) {
    /**
     * Validates the components.
     *
     * @param name non-blank
     * @param type not {@code null}; primitive types cannot be optional
     * @param optional whether it may be omitted
     */
    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank");
        }
        if (optional && type.isPrimitive()) {
            throw new IllegalArgumentException("parameter '" + name + "' of primitive type " + type
                    + " cannot be optional; use the wrapper type");
        }
    }
}
