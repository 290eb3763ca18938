/**
 * Machinery of the SignalHub, not API: the ring of stamped slots ({@link io.theus.signal.internal.SignalRing}), the
 * subscriber cursor ({@link io.theus.signal.internal.RingSubscription}), topic filters and asynchronous receives.
 * No {@code sun.misc.Unsafe}: VarHandles only, so it runs under {@code --sun-misc-unsafe-memory-access=deny}.
 */
package io.theus.signal.internal;
