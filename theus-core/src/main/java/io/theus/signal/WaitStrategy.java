package io.theus.signal;

/**
 * How a receiver waits for the next message (and, under {@link OverflowPolicy#BLOCK_PUBLISHER}, how a publisher
 * waits for the slowest subscriber): first {@code spins} busy iterations, then {@code yields} calls to
 * {@link Thread#yield()}, then, if {@code parks}, parking until a publisher wakes it. Without parking the last phase
 * repeats forever (yielding if {@code yields > 0}, else spinning), which keeps a core busy while idle.
 *
 * {@snippet :
 * SignalHub hub = SignalHub.builder().waitStrategy(WaitStrategy.spinThenPark()).build();
 * }
 *
 * <p>Immutable and thread-safe.
 *
 * @param spins busy-wait iterations before yielding, {@code >= 0}
 * @param yields yields before parking, {@code >= 0}
 * @param parks whether to park once spinning and yielding found nothing
 */
public record WaitStrategy(int spins, int yields, boolean parks) {
    /**
     * Validates the components.
     *
     * @param spins busy-wait iterations, {@code >= 0}
     * @param yields yields, {@code >= 0}
     * @param parks whether to park
     */
    public WaitStrategy {
        if (spins < 0) {
            throw new IllegalArgumentException("spins must be >= 0, was " + spins);
        }
        if (yields < 0) {
            throw new IllegalArgumentException("yields must be >= 0, was " + yields);
        }
    }

    /**
     * Spins briefly, yields a little, then parks until woken (the default): fast hand-over while messages flow, no
     * core burnt while idle. A publisher pays one fenced read per publish, and an unpark when a receiver sleeps.
     *
     * @return the strategy
     */
    public static WaitStrategy spinThenPark() {
        return new WaitStrategy(256, 32, true);
    }

    /**
     * Parks at once: least CPU, highest hand-over latency.
     *
     * @return the strategy
     */
    public static WaitStrategy parking() {
        return new WaitStrategy(0, 0, true);
    }

    /**
     * Spins briefly, then yields forever: low latency, but an idle receiver keeps a core busy.
     *
     * @return the strategy
     */
    public static WaitStrategy yielding() {
        return new WaitStrategy(256, Integer.MAX_VALUE, false);
    }

    /**
     * Spins forever: lowest latency, burns a whole core per idle receiver. Only for dedicated cores.
     *
     * @return the strategy
     */
    public static WaitStrategy busySpin() {
        return new WaitStrategy(Integer.MAX_VALUE, 0, false);
    }
}
