/**
 * Machinery of the state tree, not API: persistent (immutable, structurally shared) collections
 * ({@link io.theus.state.internal.PersistentMap CHAMP map}, {@link io.theus.state.internal.PersistentVector 32-way
 * vector}) that implement {@code java.util.Map} and {@code List} read-only so they can be handed out without copying;
 * path operations on the tree ({@link io.theus.state.internal.Tree}); the {@link io.theus.state.internal.Freezer}
 * that makes values immutable; zone and field-policy resolution.
 *
 * <p>Invariants every type in this package keeps:
 * <ul>
 *   <li>A published instance never changes. Updates return a new instance that shares structure with the old one,
 *       and the {@code java.util} mutators throw {@link java.lang.UnsupportedOperationException}. An update that
 *       changes nothing returns the same instance.</li>
 *   <li>Nothing stores {@code null}: an absent key or element is simply not there.</li>
 *   <li>Instances are reachable only through final fields, so they are safely publishable and readable from any
 *       thread without locks.</li>
 *   <li>A transient builder mutates only nodes stamped with its own owner token, belongs to one thread, and is
 *       unusable after {@code build()}; nodes it hands over are never written again.</li>
 * </ul>
 */
package io.theus.state.internal;
