package io.theus.state;

/**
 * An explicit override of what may be done to a namespace or field, declared on the engine builder. It narrows the
 * zone's ceiling; it never widens it (a {@code const_} path stays read only).
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum FieldPolicy {
    /** No narrowing: the zone's ceiling applies. */
    MUTABLE(Capability.ALL),
    /** Read and append only: lists may grow and new keys may be added, nothing changes or disappears. */
    APPEND_ONLY(Capability.READ.bit() | Capability.APPEND.bit()),
    /** Read only. */
    IMMUTABLE(Capability.READ.bit());

    private final int mask;

    FieldPolicy(int mask) {
        this.mask = mask;
    }

    /** {@return the capability bits this policy allows at most} */
    public int mask() {
        return mask;
    }
}
