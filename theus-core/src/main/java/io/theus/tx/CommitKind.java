package io.theus.tx;

/**
 * What produced a commit.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum CommitKind {
    /** The initial context loaded by the engine builder. */
    INITIAL,
    /** A process execution. */
    PROCESS,
    /** {@code TheusEngine.edit}. */
    EDIT,
    /** An explicit {@link Transaction}. */
    TRANSACTION,
    /** {@code TheusEngine.compareAndSwap}. */
    COMPARE_AND_SWAP
}
