package io.theus.contract;

/**
 * What kind of process a contract describes.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum Semantic {
    /** Reads state and returns a value; may not write anything (it gets a read-only context). */
    PURE,
    /** Reads and writes state (the default). */
    EFFECT,
    /** Steers a workflow (decides, routes); treated like {@link #EFFECT} by the guard. */
    GUIDE
}
