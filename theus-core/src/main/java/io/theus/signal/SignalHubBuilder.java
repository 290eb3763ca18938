package io.theus.signal;

import java.util.Objects;

/**
 * Builds a {@link SignalHub}. Every option is validated when set.
 *
 * {@snippet :
 * SignalHub hub = SignalHub.builder()
 *         .capacity(4096)
 *         .overflowPolicy(OverflowPolicy.DROP_OLDEST)
 *         .waitStrategy(WaitStrategy.spinThenPark())
 *         .build();
 * }
 *
 * <p>Not thread-safe; the hub it builds is.
 */
public final class SignalHubBuilder {
    private int capacity = 1024;
    private OverflowPolicy policy = OverflowPolicy.DROP_OLDEST;
    private WaitStrategy wait = WaitStrategy.spinThenPark();

    SignalHubBuilder() {
    }

    /**
     * Sets how many messages the ring holds.
     *
     * @param value a power of two between 2 and 2<sup>30</sup> (default 1024)
     * @return this builder
     */
    public SignalHubBuilder capacity(int value) {
        if (value < 2 || value > (1 << 30) || Integer.bitCount(value) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two between 2 and 2^30, was " + value);
        }
        this.capacity = value;
        return this;
    }

    /**
     * Sets what happens when a subscriber falls a whole ring behind.
     *
     * @param value the policy (default {@link OverflowPolicy#DROP_OLDEST})
     * @return this builder
     */
    public SignalHubBuilder overflowPolicy(OverflowPolicy value) {
        this.policy = Objects.requireNonNull(value, "overflowPolicy");
        return this;
    }

    /**
     * Sets how receivers wait for messages.
     *
     * @param value the strategy (default {@link WaitStrategy#spinThenPark()})
     * @return this builder
     */
    public SignalHubBuilder waitStrategy(WaitStrategy value) {
        this.wait = Objects.requireNonNull(value, "waitStrategy");
        return this;
    }

    /** {@return a new hub} */
    public SignalHub build() {
        return new SignalHub(capacity, policy, wait);
    }
}
