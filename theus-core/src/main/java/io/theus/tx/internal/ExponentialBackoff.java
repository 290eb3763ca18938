package io.theus.tx.internal;

import io.theus.tx.RetryPolicy;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Exponential backoff with full jitter between conflicting attempts: after {@code n} lost attempts, park for a
 * uniformly random time in {@code [0, min(maxDelay, baseDelay * 2^(n-1))]}. Jitter spreads competing retries apart.
 *
 * <p>Stateless and thread-safe.
 */
public final class ExponentialBackoff {
    private ExponentialBackoff() {
    }

    /**
     * Computes the delay bound after a number of lost attempts.
     *
     * @param policy the retry policy
     * @param failures lost attempts so far, at least 1
     * @return the upper bound in nanoseconds
     */
    public static long boundNanos(RetryPolicy policy, int failures) {
        long base = policy.baseDelay().toNanos();
        long max = policy.maxDelay().toNanos();
        int shift = Math.min(failures - 1, 40);
        long bound = base << shift;
        return bound < 0 || bound > max || (shift > 0 && (bound >> shift) != base) ? max : bound;
    }

    /**
     * Parks the calling thread for a jittered delay.
     *
     * @param policy the retry policy
     * @param failures lost attempts so far, at least 1
     */
    public static void pause(RetryPolicy policy, int failures) {
        long bound = boundNanos(policy, failures);
        if (bound > 0) {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(bound + 1));
        }
    }
}
