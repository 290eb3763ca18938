package io.theus.state;

/**
 * The zone of a state path, decided by the name prefix of its segments (first match from the root) or by the
 * {@code heavy} and {@code signal} roots. Each zone has a capability ceiling that no contract can exceed.
 *
 * <table class="striped">
 *   <caption>Zones and their ceilings</caption>
 *   <thead><tr><th>Zone</th><th>Prefix</th><th>Ceiling</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@link #CONSTANT}</td><td>{@code const_}</td><td>READ (even in an admin scope)</td></tr>
 *     <tr><td>{@link #PRIVATE}</td><td>{@code internal_}</td><td>nothing; reads behave as absent, except in an
 *         admin scope</td></tr>
 *     <tr><td>{@link #SIGNAL}</td><td>{@code sig_}, {@code cmd_}, root {@code signal}</td><td>READ, UPDATE
 *         (transient)</td></tr>
 *     <tr><td>{@link #META}</td><td>{@code meta_}</td><td>READ, UPDATE</td></tr>
 *     <tr><td>{@link #HEAVY}</td><td>{@code heavy_}, root {@code heavy}</td><td>all (stored by reference)</td></tr>
 *     <tr><td>{@link #LOG}</td><td>{@code log_}, {@code audit_}</td><td>READ, APPEND</td></tr>
 *     <tr><td>{@link #DATA}</td><td>anything else</td><td>all</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum Zone {
    /** Ordinary data: read, append, update, delete. */
    DATA(Capability.ALL),
    /** Read only, for everyone, admin scopes included. */
    CONSTANT(Capability.READ.bit()),
    /** Invisible to processes outside an admin scope. */
    PRIVATE(0),
    /** Transient signals: latched on the version they are committed with, cleared by the next commit. */
    SIGNAL(Capability.READ.bit() | Capability.UPDATE.bit()),
    /** Metadata: read and update; never a process input under strict guards. */
    META(Capability.READ.bit() | Capability.UPDATE.bit()),
    /** Large values stored by reference, never copied or frozen. */
    HEAVY(Capability.ALL),
    /** Append-only logs: read and append, never set or remove. */
    LOG(Capability.READ.bit() | Capability.APPEND.bit());

    private final int ceiling;

    Zone(int ceiling) {
        this.ceiling = ceiling;
    }

    /** {@return the capability bits this zone allows at most} */
    public int ceiling() {
        return ceiling;
    }

    /**
     * Tells whether the zone's ceiling includes a capability.
     *
     * @param capability the capability
     * @return {@code true} if allowed
     */
    public boolean allows(Capability capability) {
        return (ceiling & capability.bit()) != 0;
    }

    /**
     * Decides the zone of a path.
     *
     * @param path a state path
     * @return its zone
     */
    public static Zone of(Path path) {
        String root = path.segment(0);
        if (root.equals(Path.HEAVY_ROOT)) {
            return HEAVY;
        }
        if (root.equals(Path.SIGNAL_ROOT)) {
            return SIGNAL;
        }
        Zone zone = DATA;
        for (int i = 0; i < path.size() && zone == DATA; i++) {
            zone = ofSegment(path.segment(i));
        }
        return zone;
    }

    /**
     * Decides the zone of a child key given its parent's zone (first match from the root wins).
     *
     * @param parent the zone of the parent path
     * @param key the child's key
     * @return the child's zone
     */
    public static Zone child(Zone parent, String key) {
        return parent == DATA ? ofSegment(key) : parent;
    }

    /**
     * Decides the zone a single segment name selects on its own.
     *
     * @param segment a path segment
     * @return the zone its prefix names, or {@link #DATA}
     */
    public static Zone ofSegment(String segment) {
        if (segment.isEmpty()) {
            return DATA;
        }
        return switch (segment.charAt(0)) {
            case 'c' -> segment.startsWith("const_") ? CONSTANT : segment.startsWith("cmd_") ? SIGNAL : DATA;
            case 'i' -> segment.startsWith("internal_") ? PRIVATE : DATA;
            case 's' -> segment.startsWith("sig_") ? SIGNAL : DATA;
            case 'm' -> segment.startsWith("meta_") ? META : DATA;
            case 'h' -> segment.startsWith("heavy_") ? HEAVY : DATA;
            case 'l' -> segment.startsWith("log_") ? LOG : DATA;
            case 'a' -> segment.startsWith("audit_") ? LOG : DATA;
            default -> DATA;
        };
    }
}
