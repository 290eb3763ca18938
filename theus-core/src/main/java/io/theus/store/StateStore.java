package io.theus.store;

import io.theus.outbox.OutboxMessage;
import io.theus.store.internal.InMemoryStore;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The store SPI: where an engine records its commits and where the outbox relay finds, claims and acknowledges
 * outbox messages. The default, {@link #inMemory()}, keeps nothing but the outbox (the engine's own head version is
 * the state); durable stores (an embedded database, PostgreSQL) record every commit's changes and outbox messages
 * in one database transaction, so a relay — even one in another process — sees a message exactly when its state
 * change exists.
 *
 * <p><b>When the engine calls it.</b> {@link #record} is called once per successful commit, on the committing
 * thread, right after the new version became visible and its signals were handed to the hub — for every commit if
 * the store is {@link #durable()}, otherwise only for commits that wrote outbox messages. Commits on different
 * threads may be recorded concurrently and not in version order; a store that needs order sorts by
 * {@link CommitRecord#version()}. A failing {@code record} is logged; the commit stays visible. (The durable-store
 * issue moves the call before visibility, so that a failed write fails the commit.)
 *
 * <p><b>Outbox protocol.</b> {@link #claimOutbox} hands due messages to one worker and leases them to it;
 * {@link #acknowledgeOutbox} removes a delivered message; {@link #updateOutbox} stores a message's next delivery
 * state (retry time, failure, requeue) as the relay computed it. Every implementation must pass the shared store
 * contract tests.
 *
 * <p>Implementations must be thread-safe.
 */
public interface StateStore extends AutoCloseable {

    /** {@return a new in-memory store: the outbox lives in memory, state is not persisted (the default)} */
    static StateStore inMemory() {
        return new InMemoryStore();
    }

    /** {@return whether the store persists state, and so must see every commit with its changes} */
    boolean durable();

    /**
     * Records one commit: assigns ids to its outbox messages (increasing in the order given) and keeps them as
     * {@link io.theus.outbox.OutboxStatus#PENDING}, due at once; a durable store also keeps the changes.
     *
     * @param commit the commit
     */
    void record(CommitRecord commit);

    /**
     * Claims due messages for one worker: pending messages whose {@code nextAttemptAt} has come, and in-flight ones
     * whose lease has run out, oldest id first. Each claimed message is stored as
     * {@link OutboxMessage#claimed(Instant) claimed} until {@code leaseUntil} and returned in that state. Two
     * concurrent claims never return the same message.
     *
     * @param topics the topics the worker delivers, or empty for every topic
     * @param max at most this many messages, {@code >= 1}
     * @param now the current time
     * @param leaseUntil when the claims lapse
     * @return the claimed messages, possibly none
     */
    List<OutboxMessage> claimOutbox(Set<String> topics, int max, Instant now, Instant leaseUntil);

    /**
     * Removes a delivered message. Unknown ids are ignored (the message may have been acknowledged already).
     *
     * @param id the message id
     */
    void acknowledgeOutbox(long id);

    /**
     * Replaces the delivery state ({@code status}, {@code attempts}, {@code nextAttemptAt}, {@code lastError}) of the
     * message with the same id. Unknown ids are ignored.
     *
     * @param message the message in its new state
     */
    void updateOutbox(OutboxMessage message);

    /** {@return every message not yet acknowledged, in id order} */
    List<OutboxMessage> outbox();

    /** Releases the store's resources. The default does nothing. */
    @Override
    default void close() {
    }
}
