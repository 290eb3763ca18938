package io.theus.flux;

/**
 * The kinds of workflow steps (SPEC W1).
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum StepKind {
    /** Runs a process: {@code - name} or {@code - process: name}. */
    PROCESS,
    /** {@code flux: if} with {@code condition}, {@code then} and an optional {@code else}. */
    IF,
    /** {@code flux: while} with {@code condition} and {@code do}. */
    WHILE,
    /** {@code flux: run} with nested {@code steps}. */
    RUN,
    /** {@code flux: parallel} with {@code branches} run concurrently. */
    PARALLEL
}
