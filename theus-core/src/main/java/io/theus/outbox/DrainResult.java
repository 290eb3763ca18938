package io.theus.outbox;

/**
 * What one {@code drain} did.
 *
 * <p>Immutable and thread-safe.
 *
 * @param delivered messages delivered and acknowledged
 * @param failed delivery attempts that threw (each message is rescheduled, or marked failed after its last attempt)
 */
public record DrainResult(int delivered, int failed) {
}
