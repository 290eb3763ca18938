package io.theus.internal;

import io.theus.outbox.OutboxPolicy;
import io.theus.signal.SignalHub;
import io.theus.store.StateStore;

import java.util.Objects;

/**
 * Where an engine's commits go besides its head version: the hub its signals are published on, the store its
 * commits are recorded in (with their outbox messages), and the outbox relay's policy.
 *
 * <p>Immutable and thread-safe (the hub and the store are thread-safe).
 *
 * @param hub the signal hub (the engine closes it)
 * @param store the store (the engine closes it)
 * @param outboxPolicy retries and pacing of the outbox relay
 */
public record EffectSettings(SignalHub hub, StateStore store, OutboxPolicy outboxPolicy) {
    /**
     * Validates the components.
     *
     * @param hub hub
     * @param store store
     * @param outboxPolicy outbox policy
     */
    public EffectSettings {
        Objects.requireNonNull(hub, "signalHub");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(outboxPolicy, "outboxPolicy");
    }

    /** {@return a default hub, an in-memory store and the default outbox policy} */
    public static EffectSettings defaults() {
        return new EffectSettings(SignalHub.builder().build(), StateStore.inMemory(), OutboxPolicy.defaults());
    }
}
