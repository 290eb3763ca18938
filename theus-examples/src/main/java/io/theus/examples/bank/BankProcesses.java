package io.theus.examples.bank;

import io.theus.contract.ProcessContext;
import io.theus.contract.TheusProcess;

/** A bank transfer as a process: both balances change together or not at all. */
public final class BankProcesses {
    private BankProcesses() {
    }

    /**
     * Moves money between two accounts; refuses overdrafts.
     *
     * @param ctx the guarded context
     * @param from the paying account
     * @param to the receiving account
     * @param amount the amount, positive
     * @return the paying account's new balance
     * @throws InsufficientFundsException if {@code from} cannot pay; nothing is changed
     */
    @TheusProcess(name = "transfer",
            outputs = {"domain.accounts.*.balance", "domain.log_transfers"},
            errors = {InsufficientFundsException.class, IllegalArgumentException.class},
            returns = io.theus.contract.ReturnMapping.RESULT)
    public static long transfer(ProcessContext ctx, String from, String to, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive, was " + amount);
        }
        String toPath = "domain.accounts." + to + ".balance";
        if (!ctx.contains(toPath)) {
            throw new IllegalArgumentException("no account '" + to + "'");
        }
        ctx.update(toPath, Long.class, balance -> balance + amount);   // credit first ...
        String fromPath = "domain.accounts." + from + ".balance";
        long balance = ctx.getLong(fromPath);
        if (balance < amount) {                                            // ... then fail: rolled back
            throw new InsufficientFundsException(from, balance, amount);
        }
        ctx.set(fromPath, balance - amount);
        ctx.append("domain.log_transfers", from + " -> " + to + ": " + amount);
        return balance - amount;
    }
}
