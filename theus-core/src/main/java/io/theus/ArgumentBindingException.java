package io.theus;

import java.util.Optional;

/**
 * Raised before a process runs when its call arguments cannot be bound to its parameters: a required argument is
 * missing, an argument names no parameter, or a value cannot be converted to the parameter's type.
 *
 * <p>Immutable and thread-safe.
 */
public final class ArgumentBindingException extends TheusException {
    private static final long serialVersionUID = 1L;

    private final String argument;

    /**
     * Creates the exception.
     *
     * @param process the process being called
     * @param argument the offending argument name, or {@code null}
     * @param message the explanation
     */
    public ArgumentBindingException(String process, String argument, String message) {
        super(message, process, null, null);
        this.argument = argument;
    }

    /** {@return the name of the offending argument, if one is to blame} */
    public Optional<String> argument() {
        return Optional.ofNullable(argument);
    }
}
