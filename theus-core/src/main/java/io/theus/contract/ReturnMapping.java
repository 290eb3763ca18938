package io.theus.contract;

/**
 * How a process's return value is treated.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum ReturnMapping {
    /**
     * The default. A {@link StateUpdate} is always applied. Otherwise, with exactly one output the value is written
     * to it; with several outputs a {@code Map} keyed by output path or unique leaf name, or a {@code List}/array
     * with one element per output (positional), is written to them; any other value is only the caller's result.
     * {@code null} means nothing was returned. A mapped return wins over an in-place write to the same path.
     */
    AUTO,
    /** The value is only the caller's result; only a returned {@link StateUpdate} is applied. */
    RESULT
}
