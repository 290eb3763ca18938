package io.theus.internal;

import io.theus.NestedEngineCallException;

/**
 * Detects calls into an engine from inside a running process (C7). The name of the process running on the current
 * thread is kept in a thread-local; every engine entry point checks it and refuses at once instead of deadlocking or
 * silently nesting transactions.
 *
 * <p>The mark lives in a one-slot array per thread, so entering and leaving a process only read the thread-local
 * (two lookups instead of a lookup and two {@code ThreadLocal.set} calls, which were 6-8 % of a trivial execution
 * in JFR; see row 2 of {@code docs/benchmarks.md}).
 *
 * <p>Thread-safe (thread-confined state).
 */
public final class NestedCalls {
    private static final ThreadLocal<String[]> RUNNING = ThreadLocal.withInitial(() -> new String[1]);

    private NestedCalls() {
    }

    /**
     * Marks the current thread as running a process.
     *
     * @param process the process name
     * @return the previous mark, to pass to {@link #exit}
     */
    public static String enter(String process) {
        String[] mark = RUNNING.get();
        String previous = mark[0];
        mark[0] = process;
        return previous;
    }

    /**
     * Restores the mark saved by {@link #enter}.
     *
     * @param previous the saved mark
     */
    public static void exit(String previous) {
        RUNNING.get()[0] = previous;
    }

    /**
     * Returns the current thread's mark: slot 0 holds the name of the process running on this thread, or
     * {@code null}. A runner sets and restores the slot around a body itself, reading the thread-local once.
     *
     * @return the current thread's one-slot mark (confined to this thread)
     */
    public static String[] mark() {
        return RUNNING.get();
    }

    /** {@return whether a process is running on the current thread} */
    public static boolean insideProcess() {
        return RUNNING.get()[0] != null;
    }

    /**
     * Refuses an engine call made from inside a process.
     *
     * @param operation what was called, e.g. {@code execute('x')}
     * @throws NestedEngineCallException if a process is running on this thread
     */
    public static void refuseInsideProcess(String operation) {
        String running = RUNNING.get()[0];
        if (running != null) {
            throw new NestedEngineCallException(running, "process '" + running + "' called " + operation
                    + " on an engine from inside its body; nested engine calls are refused. Compose the inner steps "
                    + "as plain Java inside one process (the pipeline pattern), or run them as workflow steps");
        }
    }
}
