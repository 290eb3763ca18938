package io.theus.tx;

/**
 * How much a committing transaction checks against the commits that happened since its snapshot.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum Isolation {
    /**
     * The default: the commit fails only if a path it writes (at leaf granularity, including ancestors and
     * descendants) was changed since its snapshot. Write skew is possible.
     */
    SNAPSHOT,
    /**
     * {@link #SNAPSHOT} plus the process's declared inputs: the commit also fails if a path it may read was changed
     * since its snapshot, which rules out write skew. Explicit transactions and edits have no declared inputs and
     * behave as {@link #SNAPSHOT}.
     */
    SERIALIZABLE,
    /** Whole-version check: any commit since the snapshot is a conflict. */
    STRICT
}
