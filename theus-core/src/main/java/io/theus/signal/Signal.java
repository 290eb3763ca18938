package io.theus.signal;

import java.util.Objects;

/**
 * A transient signal: a topic and an immutable payload. Signals committed by a transaction are latched on the
 * version it produced and published after the commit succeeds.
 *
 * <p>Immutable and thread-safe.
 *
 * @param topic the topic; for writes to SIGNAL-zone paths, the canonical path (e.g. {@code domain.sig_restock})
 * @param payload the payload, an immutable value (never {@code null}; absent payloads are {@link Boolean#TRUE})
 */
public record Signal(String topic, Object payload) {
    /**
     * Validates the components.
     *
     * @param topic the topic, non-blank
     * @param payload the payload, not {@code null}
     */
    public Signal {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("signal topic must not be blank");
        }
    }
}
