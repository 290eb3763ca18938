package io.theus.store;

import io.theus.outbox.OutboxDraft;
import io.theus.signal.Signal;
import io.theus.tx.Change;

import java.util.List;

/**
 * One commit as a {@link StateStore} receives it: the version it produced, what it changed, the signals latched on
 * it and the messages it wrote to the outbox. A durable store keeps the changes and the outbox messages in one
 * database transaction, so a message exists exactly when the state change that produced it does.
 *
 * <p>Immutable and thread-safe (values are frozen state values).
 *
 * @param version the committed version number
 * @param changes the changes, minimal paths with their new values (or removals), in first-write order
 * @param signals the signals latched on the version, in emission order
 * @param outbox the outbox messages, in the order the transaction wrote them
 */
public record CommitRecord(long version, List<Change> changes, List<Signal> signals, List<OutboxDraft> outbox) {
    /**
     * Copies the lists.
     *
     * @param version version
     * @param changes changes
     * @param signals signals
     * @param outbox outbox messages
     */
    public CommitRecord {
        changes = List.copyOf(changes);
        signals = List.copyOf(signals);
        outbox = List.copyOf(outbox);
    }
}
