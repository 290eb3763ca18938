package io.theus.tx;

import io.theus.signal.Signal;
import io.theus.state.StateReader;

import java.util.List;
import java.util.Map;

/**
 * A commit about to happen, as interceptors see it: its changes (minimal paths, frozen values), its signals, and a
 * reader over the state as it will be if the commit succeeds. Cost of inspecting it grows with the change, not with
 * the state.
 *
 * <p>Immutable and thread-safe, except {@link #pending()}, which must be read on the calling thread during the
 * callback.
 *
 * @param kind what produced the commit
 * @param process the process name, or {@code null} when {@code kind} is not {@link CommitKind#PROCESS}
 * @param args the process's bound arguments (empty for other kinds)
 * @param attempt the attempt number (1 unless retried after a conflict)
 * @param baseVersion the version of the snapshot the changes were computed from
 * @param changes the changes, in order
 * @param signals the signals to publish after the commit, in order
 * @param pending the state with the changes applied (over the snapshot)
 */
public record CommitCandidate(CommitKind kind, String process, Map<String, Object> args, int attempt,
                              long baseVersion, List<Change> changes, List<Signal> signals, StateReader pending) {
    /**
     * Copies the lists.
     *
     * @param kind kind
     * @param process process or {@code null}
     * @param args arguments
     * @param attempt attempt number
     * @param baseVersion base version
     * @param changes changes
     * @param signals signals
     * @param pending pending state reader
     */
    public CommitCandidate {
        args = Map.copyOf(args);
        changes = List.copyOf(changes);
        signals = List.copyOf(signals);
    }

    /** {@return whether the commit changes no state and emits no signal} */
    public boolean isEmpty() {
        return changes.isEmpty() && signals.isEmpty();
    }
}
