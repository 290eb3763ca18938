package io.theus.signal;

/**
 * What a {@link SignalHub} does when a subscriber falls a whole ring behind its publishers.
 *
 * <p>Immutable and thread-safe.
 */
public enum OverflowPolicy {
    /**
     * Lossy for slow subscribers (the default): a publisher never waits. A subscriber that is lapped loses the
     * oldest messages; its next receive throws {@link SignalLagException} carrying the exact number it missed, and
     * the receive after that continues from the oldest message still in the ring.
     */
    DROP_OLDEST,

    /**
     * Lossless: a publisher waits (spinning, yielding, then parking briefly) until the slowest subscriber has read
     * the slot it is about to overwrite, so no subscriber ever lags. One subscriber that stops reading without
     * closing its subscription stops every publisher; never use this policy where a publisher must not block.
     */
    BLOCK_PUBLISHER
}
