/**
 * Machinery of processes, not API: contract compilation and validation, the per-process path-access cache
 * (the flyweight every execution shares), argument binding, invocation through method handles, return mapping and
 * the guarded context.
 *
 * <p>Invariant: every read and write a process makes goes through {@link io.theus.contract.internal.GuardedContext}.
 */
package io.theus.contract.internal;
