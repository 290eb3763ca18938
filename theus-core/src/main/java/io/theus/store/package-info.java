/**
 * The store SPI ({@link io.theus.store.StateStore}): how an engine records commits — version, changes, signals and
 * outbox messages together ({@link io.theus.store.CommitRecord}) — and how the outbox relay claims, acknowledges and
 * reschedules outbox messages. The default store is in memory.
 *
 * <p>Invariant: an outbox message is in the store only if the commit that wrote it succeeded.
 */
package io.theus.store;
