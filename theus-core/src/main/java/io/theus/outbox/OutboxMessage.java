package io.theus.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A committed outbox message and its delivery state, as a worker receives it and as the relay lists it.
 *
 * <p>Immutable and thread-safe. The {@code with}-style methods return the message in its next state (used by the
 * relay and by stores).
 *
 * @param id the store-assigned id, unique and increasing in commit order within one store
 * @param version the state version whose commit wrote it
 * @param topic the topic
 * @param payload the immutable payload
 * @param status where it stands
 * @param attempts how many deliveries were started (including the one under way, when {@code IN_FLIGHT})
 * @param nextAttemptAt when it is due ({@code PENDING}) or when its lease runs out ({@code IN_FLIGHT})
 * @param lastError the last delivery failure, or {@code null} if none failed
 */
public record OutboxMessage(long id, long version, String topic, Object payload, OutboxStatus status, int attempts,
                            Instant nextAttemptAt, String lastError) {
    /**
     * Validates the components.
     *
     * @param id id
     * @param version version
     * @param topic topic, not blank
     * @param payload payload, not {@code null}
     * @param status status
     * @param attempts attempts, {@code >= 0}
     * @param nextAttemptAt due time or lease end
     * @param lastError last error or {@code null}
     */
    public OutboxMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
        }
    }

    /**
     * A message just committed: pending, due at once.
     *
     * @param id the store-assigned id
     * @param version the committed version
     * @param draft what the transaction wrote
     * @return the message
     */
    public static OutboxMessage committed(long id, long version, OutboxDraft draft) {
        return new OutboxMessage(id, version, draft.topic(), draft.payload(), OutboxStatus.PENDING, 0, Instant.EPOCH,
                null);
    }

    /**
     * Tells whether a worker may claim the message now: pending and due, or in flight with an expired lease.
     *
     * @param now the current time
     * @return whether it is due
     */
    public boolean isDue(Instant now) {
        return status != OutboxStatus.FAILED && !nextAttemptAt.isAfter(now);
    }

    /**
     * Claimed by a worker: in flight until the lease ends, one more attempt.
     *
     * @param leaseUntil when the claim lapses
     * @return the claimed message
     */
    public OutboxMessage claimed(Instant leaseUntil) {
        return new OutboxMessage(id, version, topic, payload, OutboxStatus.IN_FLIGHT, attempts + 1, leaseUntil,
                lastError);
    }

    /**
     * Given back unattempted (the worker stopped before delivering it): pending, due now, the claim's attempt undone.
     *
     * @param now the current time
     * @return the released message
     */
    public OutboxMessage released(Instant now) {
        return new OutboxMessage(id, version, topic, payload, OutboxStatus.PENDING, Math.max(0, attempts - 1), now,
                lastError);
    }

    /**
     * A delivery attempt failed and will be retried.
     *
     * @param retryAt when it is due again
     * @param error what failed
     * @return the rescheduled message
     */
    public OutboxMessage retryAt(Instant retryAt, String error) {
        return new OutboxMessage(id, version, topic, payload, OutboxStatus.PENDING, attempts, retryAt, error);
    }

    /**
     * The last allowed attempt failed.
     *
     * @param error what failed
     * @return the failed message
     */
    public OutboxMessage failed(String error) {
        return new OutboxMessage(id, version, topic, payload, OutboxStatus.FAILED, attempts, nextAttemptAt, error);
    }

    /**
     * Put back in line after it failed: pending, due now, with a fresh count of attempts (the last error is kept).
     *
     * @param now the current time
     * @return the requeued message
     */
    public OutboxMessage requeued(Instant now) {
        return new OutboxMessage(id, version, topic, payload, OutboxStatus.PENDING, 0, now, lastError);
    }

    /** {@return the last delivery failure, if any} */
    public Optional<String> error() {
        return Optional.ofNullable(lastError);
    }
}
