/**
 * Transactions as users and extensions see them: {@link io.theus.tx.Transaction explicit transactions},
 * {@link io.theus.tx.Isolation isolation levels}, {@link io.theus.tx.RetryPolicy retry policies}, and the
 * {@link io.theus.tx.TransactionInterceptor interceptor} SPI on the transaction lifecycle.
 */
package io.theus.tx;
