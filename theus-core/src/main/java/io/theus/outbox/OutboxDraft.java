package io.theus.outbox;

import java.util.Objects;

/**
 * A message a transaction wrote to its outbox ({@code ctx.outbox(topic, payload)}), before the store gives it an id.
 * It reaches the store, and so the relay, only if the transaction commits.
 *
 * <p>Immutable and thread-safe.
 *
 * @param topic what the message is about, e.g. {@code order.placed}; not blank
 * @param payload an immutable (frozen) payload, not {@code null}
 */
public record OutboxDraft(String topic, Object payload) {
    /**
     * Validates the components.
     *
     * @param topic the topic, not blank
     * @param payload the payload, not {@code null}
     */
    public OutboxDraft {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("outbox topic must not be blank");
        }
    }
}
