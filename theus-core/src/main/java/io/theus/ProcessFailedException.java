package io.theus;

/**
 * Wraps an exception thrown by a process body that cannot propagate unchanged: a checked exception, or (with strict
 * guards) an exception the contract's {@code errors} do not declare. The state is unchanged; {@link #getCause()}
 * is the original exception.
 *
 * <p>Unchecked exceptions that the contract declares propagate as they are, without this wrapper.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProcessFailedException extends TheusException {
    private static final long serialVersionUID = 1L;

    private final boolean declared;

    /**
     * Creates the exception.
     *
     * @param process the process whose body failed
     * @param cause what the body threw
     * @param declared whether the contract declares the cause's type in {@code errors}
     */
    public ProcessFailedException(String process, Throwable cause, boolean declared) {
        super("process '" + process + "' failed with " + (declared ? "" : "undeclared ")
                + cause.getClass().getName() + ": " + cause.getMessage(), process, null, cause);
        this.declared = declared;
    }

    /** {@return whether the contract's {@code errors} declare the type of the cause} */
    public boolean declared() {
        return declared;
    }
}
