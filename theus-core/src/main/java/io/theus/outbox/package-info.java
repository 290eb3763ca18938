/**
 * The transactional outbox. A process writes a message with {@code ctx.outbox(topic, payload)}; the message is
 * stored with the commit (never if the transaction rolls back, conflicts and re-runs, or is rejected), and the
 * {@link io.theus.outbox.OutboxRelay} delivers it at least once to an {@link io.theus.outbox.OutboxWorker}, with
 * acknowledgement, retries with exponential backoff and failures that stay visible.
 *
 * <p>Invariants: a message reaches a worker only if its commit succeeded; a message leaves the outbox only when a
 * worker acknowledged it or an operator discarded it.
 */
package io.theus.outbox;
