package io.theus.examples.orders;

/** Raised by {@code place_order} when the stock cannot cover the order; the whole order is rolled back. */
public final class OutOfStockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param item the item
     * @param ordered how many were ordered
     * @param inStock how many are in stock
     */
    public OutOfStockException(String item, int ordered, int inStock) {
        super("only " + inStock + " " + item + "(s) in stock, " + ordered + " ordered");
    }
}
