package io.theus;

import java.util.Optional;

/**
 * Root of every domain failure raised by Theus. Unchecked; the subclasses carry structured accessors so callers
 * can react without parsing messages.
 *
 * <p>Instances are immutable and therefore thread-safe. Misuse of the API itself (a {@code null} argument, a negative
 * size) is reported with the JDK's own exceptions instead.
 */
public class TheusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String process;
    private final String path;

    /**
     * Creates an exception.
     *
     * @param message what went wrong, naming the thing, the rule and the offending value
     * @param process the process involved, or {@code null}
     * @param path the state path involved, or {@code null}
     * @param cause the underlying cause, or {@code null}
     */
    public TheusException(String message, String process, String path, Throwable cause) {
        super(message, cause);
        this.process = process;
        this.path = path;
    }

    /**
     * Creates an exception that names no process and no path.
     *
     * @param message what went wrong
     */
    public TheusException(String message) {
        this(message, null, null, null);
    }

    /** {@return the name of the process involved, if any} */
    public Optional<String> process() {
        return Optional.ofNullable(process);
    }

    /** {@return the state path involved, if any} */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }
}
