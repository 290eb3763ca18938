package io.theus.audit;

import io.theus.contract.ProcessContext;
import io.theus.contract.TheusProcess;

/** Two processes registered together, to show that a recipe refusing one refuses the batch. */
public final class TwoProcesses {
    private TwoProcesses() {
    }

    /**
     * Fits any recipe on {@code amount}.
     *
     * @param ctx context
     * @param amount amount
     * @return the amount
     */
    @TheusProcess(name = "first", outputs = "domain.first")
    public static long first(ProcessContext ctx, long amount) {
        return amount;
    }

    /**
     * Has no parameter {@code amount}.
     *
     * @param ctx context
     * @return 1
     */
    @TheusProcess(name = "second", outputs = "domain.second")
    public static long second(ProcessContext ctx) {
        return 1;
    }
}
