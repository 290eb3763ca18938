package io.theus.signal;

import io.theus.TheusException;

/**
 * Raised by a receive on a subscription that fell a whole ring behind its hub's publishers
 * ({@link OverflowPolicy#DROP_OLDEST}): the oldest messages it had not read were overwritten. {@link #missed()} is
 * the exact number lost; the subscription has already moved to the oldest retained message, so the next receive
 * continues from there.
 *
 * <p>Immutable and thread-safe.
 */
public class SignalLagException extends TheusException {
    private static final long serialVersionUID = 1L;

    private final long missed;

    /**
     * Creates the exception.
     *
     * @param missed how many messages were overwritten before the subscriber read them, {@code > 0}
     * @param capacity the hub's ring capacity
     */
    public SignalLagException(long missed, int capacity) {
        super("subscriber fell more than the signal hub's capacity of " + capacity + " messages behind and missed "
                + missed + " message(s); it continues from the oldest retained message");
        this.missed = missed;
    }

    /** {@return how many messages this subscriber missed since its previous receive} */
    public long missed() {
        return missed;
    }
}
