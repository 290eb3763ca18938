package io.theus.internal;

import io.theus.outbox.OutboxRelay;
import io.theus.signal.Signal;
import io.theus.signal.SignalHub;
import io.theus.signal.SignalHubClosedException;
import io.theus.state.Path;
import io.theus.store.CommitRecord;
import io.theus.store.StateStore;
import io.theus.tx.internal.SignalSequencer;
import io.theus.tx.internal.TxState;
import io.theus.tx.internal.Version;

import java.time.InstantSource;
import java.util.List;

/**
 * What happens after a commit became visible, before the committer returns: its signals are published on the hub in
 * version order ({@link SignalSequencer}), and, if it wrote outbox messages (or the store is durable), it is
 * recorded in the store and the relay's workers are woken. Failures here are logged, never thrown: the commit has
 * already happened.
 *
 * <p>Thread-safe. A commit with neither signals nor outbox messages costs two field reads on an in-memory store.
 */
final class CommitEffects implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.theus.engine");

    private final SignalHub hub;
    private final StateStore store;
    private final boolean durable;
    private final OutboxRelay relay;
    private final SignalSequencer sequencer;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    CommitEffects(EffectSettings settings, Version head, InstantSource clock) {
        this.hub = settings.hub();
        this.store = settings.store();
        this.durable = store.durable();
        this.relay = OutboxRelay.over(store, settings.outboxPolicy(), clock);
        this.sequencer = new SignalSequencer(head, this::publish);
    }

    SignalHub hub() {
        return hub;
    }

    OutboxRelay relay() {
        return relay;
    }

    /**
     * Runs the effects of a commit that just became visible.
     *
     * @param tx the committed transaction
     * @param version the version it produced
     * @param writes its minimal write paths
     */
    void committed(TxState tx, Version version, Path[] writes) {
        if (!version.signals().isEmpty()) {
            sequencer.publish(version);
        }
        if (durable || tx.hasOutbox()) {
            try {
                store.record(new CommitRecord(version.version(), tx.changes(writes), version.signals(),
                        tx.outbox()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "store failed to record commit " + version.version()
                        + "; its outbox messages may be lost", e);
            }
            if (tx.hasOutbox()) {
                relay.wake();
            }
        }
    }

    private void publish(List<Signal> signals) {
        try {
            hub.publishAll(signals);
        } catch (SignalHubClosedException e) {
            // the engine is closing; nobody can receive any more
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "signal hub failed to publish " + signals.size() + " signal(s)", e);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        relay.close();
        hub.close();
        try {
            store.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "store failed to close", e);
        }
    }
}
