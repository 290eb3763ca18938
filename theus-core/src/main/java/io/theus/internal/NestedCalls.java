package io.theus.internal;

import io.theus.NestedEngineCallException;

/**
 * Detects calls into an engine from inside a running process (C7). The name of the process running on the current
 * thread is kept in a thread-local; every engine entry point checks it and refuses at once instead of deadlocking or
 * silently nesting transactions.
 *
 * <p>Thread-safe (thread-confined state).
 */
public final class NestedCalls {
    private static final ThreadLocal<String> RUNNING = new ThreadLocal<>();

    private NestedCalls() {
    }

    /**
     * Marks the current thread as running a process.
     *
     * @param process the process name
     * @return the previous mark, to pass to {@link #exit}
     */
    public static String enter(String process) {
        String previous = RUNNING.get();
        RUNNING.set(process);
        return previous;
    }

    /**
     * Restores the mark saved by {@link #enter}.
     *
     * @param previous the saved mark
     */
    public static void exit(String previous) {
        RUNNING.set(previous);
    }

    /** {@return whether a process is running on the current thread} */
    public static boolean insideProcess() {
        return RUNNING.get() != null;
    }

    /**
     * Refuses an engine call made from inside a process.
     *
     * @param operation what was called, e.g. {@code execute('x')}
     * @throws NestedEngineCallException if a process is running on this thread
     */
    public static void refuseInsideProcess(String operation) {
        String running = RUNNING.get();
        if (running != null) {
            throw new NestedEngineCallException(running, "process '" + running + "' called " + operation
                    + " on an engine from inside its body; nested engine calls are refused. Compose the inner steps "
                    + "as plain Java inside one process (the pipeline pattern), or run them as workflow steps");
        }
    }
}
