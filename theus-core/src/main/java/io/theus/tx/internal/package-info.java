/**
 * Machinery of optimistic transactions, not API: committed {@link io.theus.tx.internal.Version versions}, the
 * backward-linked {@link io.theus.tx.internal.CommitLog commit logs} used for conflict checks, the
 * {@link io.theus.tx.internal.OptimisticCommitter commit point} (one compare-and-set on the head reference), the
 * per-attempt working data, the editing mechanics shared by every kind of transaction, backoff and the priority
 * ticket.
 *
 * <p>Invariants: a version becomes visible only through the compare-and-set; nothing a failed attempt did is
 * reachable afterwards; the commit-log chain is bounded.
 */
package io.theus.tx.internal;
