/**
 * Persistent (immutable, structurally shared) collections that hold the engine's state tree.
 *
 * <p>Not a public API: types here may change without notice. Invariants every type in this package keeps:
 * <ul>
 *   <li>A published instance never changes. Updates return a new instance that shares structure with the old one,
 *       and the {@code java.util} mutators throw {@link java.lang.UnsupportedOperationException}.</li>
 *   <li>Nothing stores {@code null}: an absent key or element is simply not there.</li>
 *   <li>Instances are reachable only through final fields, so they are safely publishable and readable from any
 *       thread without locks.</li>
 *   <li>A transient builder mutates only nodes stamped with its own owner token, belongs to one thread, and is
 *       unusable after {@code build()}; nodes it hands over are never written again.</li>
 * </ul>
 */
package io.theus.state.internal;
