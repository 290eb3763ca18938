package io.theus.outbox;

/**
 * Where an outbox message stands. Acknowledged messages leave the outbox, so they have no status.
 *
 * <p>Transitions: {@code PENDING → IN_FLIGHT} when a worker claims it; {@code IN_FLIGHT →} (removed) on
 * acknowledgement, {@code → PENDING} after a failed attempt (due again after a backoff) or when its lease runs out,
 * {@code → FAILED} after the last allowed attempt failed; {@code FAILED → PENDING} when requeued.
 *
 * <p>Immutable and thread-safe.
 */
public enum OutboxStatus {
    /** Waiting to be delivered, from {@code nextAttemptAt} on. */
    PENDING,
    /** Claimed by a worker until {@code nextAttemptAt} (its lease); due again if not acknowledged by then. */
    IN_FLIGHT,
    /** Every allowed attempt failed; kept, with its last error, until requeued or discarded. Terminal otherwise. */
    FAILED
}
