package io.theus.tx;

import io.theus.contract.Contract;
import io.theus.state.StateSnapshot;

import java.util.Map;

/**
 * One attempt of a process execution, as interceptors see it before the body runs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param process the process name
 * @param contract its contract
 * @param args the bound arguments by name
 * @param attempt 1 for the first attempt, higher for retries after conflicts
 * @param snapshot the snapshot the attempt reads
 */
public record Invocation(String process, Contract contract, Map<String, Object> args, int attempt,
                         StateSnapshot snapshot) {
    /**
     * Copies the arguments.
     *
     * @param process the process name
     * @param contract its contract
     * @param args the bound arguments
     * @param attempt attempt number
     * @param snapshot the snapshot
     */
    public Invocation {
        args = Map.copyOf(args);
    }
}
