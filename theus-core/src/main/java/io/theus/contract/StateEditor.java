package io.theus.contract;

import io.theus.state.StateReader;

/**
 * Reads and writes of one transaction: reads see the transaction's snapshot plus its own writes.
 *
 * <p>Not thread-safe: an editor belongs to the thread running its transaction.
 */
public interface StateEditor extends StateReader, StateWriter {

    /** {@return the version of the snapshot this transaction started from} */
    long version();
}
