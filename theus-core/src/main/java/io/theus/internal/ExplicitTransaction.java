package io.theus.internal;

import io.theus.state.internal.StateRules;
import io.theus.tx.Transaction;
import io.theus.tx.internal.OwnerEditor;
import io.theus.tx.internal.TxState;

import java.util.function.ToLongFunction;

/**
 * A {@link Transaction} opened by the application: owner rights, committed once through the engine's commit service,
 * never retried.
 *
 * <p>Not thread-safe: confined to the thread using it.
 */
final class ExplicitTransaction extends OwnerEditor implements Transaction {
    private enum State { OPEN, COMMITTED, ROLLED_BACK }

    private final ToLongFunction<TxState> committer;
    private State state = State.OPEN;

    ExplicitTransaction(TxState tx, StateRules rules, ToLongFunction<TxState> committer) {
        super(tx, rules, "transaction");
        this.committer = committer;
    }

    @Override
    public long commit() {
        ensureOpen();
        state = State.ROLLED_BACK; // a failed commit leaves the transaction finished, with nothing visible
        long version = committer.applyAsLong(tx);
        state = State.COMMITTED;
        return version;
    }

    @Override
    public void rollback() {
        if (state == State.OPEN) {
            state = State.ROLLED_BACK;
        }
    }

    @Override
    public boolean isOpen() {
        return state == State.OPEN;
    }

    @Override
    public void close() {
        rollback();
    }

    @Override
    public Object get(String path) {
        ensureOpen();
        return super.get(path);
    }

    @Override
    public void set(String path, Object value) {
        ensureOpen();
        super.set(path, value);
    }

    @Override
    public void append(String path, Object value) {
        ensureOpen();
        super.append(path, value);
    }

    @Override
    public boolean remove(String path) {
        ensureOpen();
        return super.remove(path);
    }

    @Override
    public void emit(String topic, Object payload) {
        ensureOpen();
        super.emit(topic, payload);
    }

    @Override
    public void outbox(String topic, Object payload) {
        ensureOpen();
        super.outbox(topic, payload);
    }

    private void ensureOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("transaction is already " + (state == State.COMMITTED ? "committed"
                    : "rolled back"));
        }
    }
}
