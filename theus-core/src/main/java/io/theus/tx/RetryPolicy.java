package io.theus.tx;

import java.time.Duration;
import java.util.Objects;

/**
 * How a process that lost a commit race is re-run: at most {@code maxAttempts} attempts in total, separated by
 * exponential backoff with full jitter (a random delay up to {@code min(maxDelay, baseDelay * 2^failures)}). After
 * {@code priorityAfter} lost attempts the process takes the engine's priority ticket: other commits wait while it
 * runs its next attempt, so it cannot starve.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxAttempts attempts in total, at least 1
 * @param baseDelay backoff after the first failure, not negative
 * @param maxDelay upper bound of one backoff, at least {@code baseDelay}
 * @param priorityAfter lost attempts after which the process gets priority, at least 1
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, int priorityAfter) {

    /**
     * Validates the components.
     *
     * @param maxAttempts attempts in total
     * @param baseDelay first backoff
     * @param maxDelay largest backoff
     * @param priorityAfter failures before priority
     */
    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative()) {
            throw new IllegalArgumentException("baseDelay must not be negative, was " + baseDelay);
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be >= baseDelay (" + baseDelay + "), was " + maxDelay);
        }
        if (priorityAfter < 1) {
            throw new IllegalArgumentException("priorityAfter must be >= 1, was " + priorityAfter);
        }
    }

    /** {@return the default: 64 attempts, 10 µs to 5 ms backoff, priority after 6 lost attempts} */
    public static RetryPolicy defaults() {
        return new RetryPolicy(64, Duration.ofNanos(10_000), Duration.ofMillis(5), 6);
    }

    /** {@return a policy that never retries} */
    public static RetryPolicy noRetry() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1);
    }

    /**
     * Returns a copy with another attempt limit.
     *
     * @param attempts attempts in total
     * @return the new policy
     */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, priorityAfter);
    }
}
