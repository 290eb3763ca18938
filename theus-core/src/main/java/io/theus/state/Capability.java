package io.theus.state;

/**
 * What a process may do to a path. A process's effective rights on a path are the rights its contract grants
 * ({@code inputs} grant {@link #READ}; {@code outputs} grant all four) intersected with the ceiling of the path's
 * {@link Zone} and any {@link FieldPolicy} override.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum Capability {
    /** Read the value. */
    READ,
    /** Add: append to a list, or create a key that does not exist yet. */
    APPEND,
    /** Replace an existing value. */
    UPDATE,
    /** Remove a key or list element. */
    DELETE;

    /** Bit mask with every capability set. */
    public static final int ALL = 0b1111;

    /** {@return this capability as a single bit, for compact capability sets} */
    public int bit() {
        return 1 << ordinal();
    }

    /**
     * Formats a capability bit set for messages, e.g. {@code READ|APPEND}.
     *
     * @param bits a set of {@link #bit()} values
     * @return the names joined by {@code |}, or {@code NONE}
     */
    public static String describe(int bits) {
        StringBuilder sb = new StringBuilder();
        for (Capability c : values()) {
            if ((bits & c.bit()) != 0) {
                sb.append(sb.isEmpty() ? "" : "|").append(c.name());
            }
        }
        return sb.isEmpty() ? "NONE" : sb.toString();
    }
}
