package io.theus.examples.bank;

/** Raised by {@code transfer} when the paying account cannot cover the amount. */
public final class InsufficientFundsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param account the paying account
     * @param balance its balance
     * @param amount the amount asked for
     */
    public InsufficientFundsException(String account, long balance, long amount) {
        super("account '" + account + "' has " + balance + ", cannot pay " + amount);
    }
}
