package io.theus.tx;

import io.theus.contract.StateEditor;

/**
 * An explicit transaction opened with {@code TheusEngine.transaction()}: reads see the snapshot taken when it was
 * opened plus its own writes; {@link #commit()} publishes the writes atomically or fails with a
 * {@link io.theus.ConflictException} (explicit transactions are not retried: the caller decides). Closing an
 * uncommitted transaction rolls it back. Explicit transactions run without a contract, as the application owner:
 * zone ceilings apply, except that PRIVATE paths are visible and new CONSTANT keys may be created.
 *
 * {@snippet :
 * try (Transaction tx = engine.transaction()) {
 *     tx.set("domain.counter", tx.getInt("domain.counter") + 1);
 *     tx.commit();
 * }
 * }
 *
 * <p>Not thread-safe: use a transaction from one thread.
 */
public interface Transaction extends StateEditor, AutoCloseable {

    /**
     * Commits the writes.
     *
     * @return the new version, or the snapshot's version if nothing was written
     * @throws io.theus.ConflictException if a concurrent commit conflicts
     * @throws IllegalStateException if already committed or rolled back
     */
    long commit();

    /** Discards the writes. Idempotent. */
    void rollback();

    /** {@return whether the transaction can still be committed} */
    boolean isOpen();

    /** Rolls back if not committed. */
    @Override
    void close();
}
