package io.theus.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the outbox relay retries and paces deliveries. After the {@code n}-th failed attempt a message waits
 * {@code min(maxDelay, baseDelay × 2^(n-1))}; after {@code maxAttempts} failed attempts it is marked
 * {@link OutboxStatus#FAILED} and stays visible until requeued. A claimed message not acknowledged within
 * {@code lease} is due again (its worker is presumed dead). Attached workers look for due messages when a commit
 * adds some, when a retry falls due, and at least every {@code pollInterval}.
 *
 * {@snippet :
 * OutboxPolicy policy = new OutboxPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(30),
 *         Duration.ofSeconds(30), Duration.ofSeconds(1));
 * }
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxAttempts deliveries tried before giving up, {@code >= 1}
 * @param baseDelay wait after the first failure, positive
 * @param maxDelay longest wait between attempts, {@code >= baseDelay}
 * @param lease how long a claimed message stays with its worker, positive
 * @param pollInterval longest an idle worker waits before looking again, positive
 */
public record OutboxPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration lease,
                           Duration pollInterval) {
    /**
     * Validates the components.
     *
     * @param maxAttempts attempts, {@code >= 1}
     * @param baseDelay first backoff, positive
     * @param maxDelay backoff cap, {@code >= baseDelay}
     * @param lease claim lease, positive
     * @param pollInterval idle poll interval, positive
     */
    public OutboxPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        positive("baseDelay", baseDelay);
        positive("lease", lease);
        positive("pollInterval", pollInterval);
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be >= baseDelay (" + baseDelay + "), was " + maxDelay);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** {@return 10 attempts, backoff from 100 ms doubling up to 1 min, 30 s lease, 1 s poll interval} */
    public static OutboxPolicy defaults() {
        return new OutboxPolicy(10, Duration.ofMillis(100), Duration.ofMinutes(1), Duration.ofSeconds(30),
                Duration.ofSeconds(1));
    }

    /**
     * Returns the wait after a number of failed attempts.
     *
     * @param failedAttempts failed attempts so far, {@code >= 1}
     * @return the backoff
     */
    public Duration backoff(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts, 1) - 1, 40);
        long nanos = saturatedNanos(baseDelay);
        long cap = saturatedNanos(maxDelay);
        for (int i = 0; i < doublings && nanos < cap; i++) {
            nanos = nanos > cap / 2 ? cap : nanos * 2;
        }
        return Duration.ofNanos(Math.min(nanos, cap));
    }

    private static long saturatedNanos(Duration d) {
        return d.compareTo(Duration.ofDays(100 * 365)) > 0 ? Duration.ofDays(100 * 365).toNanos() : d.toNanos();
    }
}
