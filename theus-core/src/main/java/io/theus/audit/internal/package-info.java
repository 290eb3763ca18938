/**
 * The audit machinery, not API: the recipe loader, the interceptor with its input and output gates, the bound rules
 * of each process, the lock-free log ring and the counters.
 *
 * <p>Invariants: audit never runs inside the commit path (only as a {@code TransactionInterceptor}); a conflict
 * retry is counted once; a raising violation logs its entries before the exception leaves the gate; the interlock
 * is one atomic reference, checked before every body and every process commit.
 */
package io.theus.audit.internal;
