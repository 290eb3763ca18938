/**
 * Transient signals and the SignalHub. A {@link io.theus.signal.Signal} is latched on the committed version that
 * carries it, cleared by the next commit, and published on the engine's {@link io.theus.signal.SignalHub} after the
 * commit succeeds. The hub is a bounded broadcast ring with one cursor per {@link io.theus.signal.Subscription};
 * its {@link io.theus.signal.OverflowPolicy} says whether slow subscribers lose the oldest messages (with an exact
 * count) or publishers wait for them.
 *
 * <p>Invariants: a subscriber receives each message at most once and in publication order; every message published
 * after it subscribed is either received or counted in exactly one {@link io.theus.signal.SignalLagException}.
 */
package io.theus.signal;
