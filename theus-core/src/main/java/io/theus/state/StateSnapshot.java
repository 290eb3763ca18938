package io.theus.state;

import io.theus.signal.Signal;

import java.util.List;
import java.util.Map;

/**
 * One committed version of the state: the tree, its version number and the signals latched on it. A snapshot never
 * changes, whatever is committed afterwards, and nothing reachable from it can be mutated.
 *
 * <p>Reading a SIGNAL-zone path (e.g. {@code domain.sig_restock}) returns the payload of the latest signal with that
 * topic latched on this version, or {@code null}.
 *
 * <p>Immutable and thread-safe.
 */
public interface StateSnapshot extends StateReader {

    /** {@return the version number: 0 for an empty engine, 1 after the initial context is loaded} */
    long version();

    /** {@return the signals committed with this version, in emission order} */
    List<Signal> signals();

    /** {@return the whole tree as an immutable map (no copy is made)} */
    Map<String, Object> toMap();
}
