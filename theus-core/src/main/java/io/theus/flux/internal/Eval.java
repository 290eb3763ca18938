package io.theus.flux.internal;

import io.theus.tx.internal.Version;

/**
 * A compiled node of a condition: a closure over the committed version it reads.
 *
 * <p>Implementations are immutable and thread-safe: one compiled condition is evaluated by many runs at once.
 */
@FunctionalInterface
interface Eval {

    /**
     * Evaluates the node.
     *
     * @param version the committed version the condition reads
     * @param trace where to record the values read, or {@code null} when not tracing
     * @return the value ({@code null} is None)
     * @throws EvalFault if the node cannot be evaluated on this version
     */
    Object eval(Version version, Trace trace);
}
