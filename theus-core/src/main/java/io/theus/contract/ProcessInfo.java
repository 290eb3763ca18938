package io.theus.contract;

import java.util.List;

/**
 * A registered process as the engine sees it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the process name
 * @param contract its contract
 * @param params its named parameters
 * @param returns how its return value is treated
 * @param source where it is defined (a method signature or {@code "ProcessSpec"})
 */
public record ProcessInfo(String name, Contract contract, List<Param> params, ReturnMapping returns,
                          String source) {
    /**
     * Copies the parameter list.
     *
     * @param name the process name
     * @param contract its contract
     * @param params its named parameters
     * @param returns return handling
     * @param source where it is defined
     */
    public ProcessInfo {
        params = List.copyOf(params);
    }
}
