/**
 * The state model: {@link io.theus.state.Path paths}, {@link io.theus.state.Zone zones} and their
 * {@link io.theus.state.Capability capability} ceilings, {@link io.theus.state.FieldPolicy field policies}, and the
 * read-only views of committed state ({@link io.theus.state.StateSnapshot}).
 *
 * <p>Invariants: a committed version never changes; nothing reachable from a snapshot can be mutated (heavy values
 * excepted, by design); the state holds no {@code null}s (absence is the absence of a key).
 */
package io.theus.state;
