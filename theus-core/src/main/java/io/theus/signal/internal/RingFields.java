package io.theus.signal.internal;

/**
 * The publisher-side counters of a {@link SignalRing}, padded on both sides so that the cache line publishers
 * hammer is not shared with the ring's other fields or with neighbouring objects.
 */
@SuppressWarnings("unused")
abstract class RingFields {
    private long p00, p01, p02, p03, p04, p05, p06, p07;
    private long p10, p11, p12, p13, p14, p15, p16, p17;
    /** Next sequence to claim; every sequence below it has been claimed by a publisher. */
    volatile long tail;
    /** Lossless only: a lower bound of the slowest subscriber's cursor, refreshed when a publisher reaches it. */
    volatile long gateCache;
    /** Receivers currently registered to be unparked by publishers. */
    volatile int waiters;
}

/** Padding after the counters. */
@SuppressWarnings("unused")
abstract class RingFieldsEnd extends RingFields {
    private long q00, q01, q02, q03, q04, q05, q06, q07;
    private long q10, q11, q12, q13, q14, q15, q16, q17;
}
