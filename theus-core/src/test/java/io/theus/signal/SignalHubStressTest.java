package io.theus.signal;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent publishers against fast, slow and filtered subscribers on a small ring: nobody receives a message twice
 * or out of order, and every message is either received or counted as missed exactly once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SignalHubStressTest {
    private static final int PUBLISHERS = 4;
    private static final int PER_PUBLISHER = 20_000;
    private static final long TOTAL = (long) PUBLISHERS * PER_PUBLISHER;

    /** What one subscriber saw. */
    static final class Seen {
        final List<Long> messages = new ArrayList<>();
        long missed;
        Throwable failure;
    }

    private static Thread subscriber(Subscription sub, Seen seen, boolean slow) {
        return Thread.ofPlatform().start(() -> {
            try {
                while (true) {
                    try {
                        seen.messages.add((Long) sub.recv().payload());
                        if (slow) {
                            Thread.yield();
                        }
                    } catch (SignalLagException e) {
                        seen.missed += e.missed();
                    }
                }
            } catch (SignalHubClosedException e) {
                // the end
            } catch (Throwable t) {
                seen.failure = t;
            }
        });
    }

    private static void assertEachPublisherInOrderWithoutDuplicates(Seen seen) {
        Map<Long, Long> lastIndex = new HashMap<>();
        for (long m : seen.messages) {
            long publisher = m / 1_000_000_000L;
            long index = m % 1_000_000_000L;
            Long previous = lastIndex.put(publisher, index);
            assertThat(previous == null || previous < index)
                    .as("publisher %d: index %d after %d", publisher, index, previous).isTrue();
        }
    }

    private static void assertSameRelativeOrder(Seen a, Seen b) {
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < a.messages.size(); i++) {
            position.put(a.messages.get(i), i);
        }
        int last = -1;
        for (long m : b.messages) {
            Integer p = position.get(m);
            if (p != null) {
                assertThat(p).isGreaterThan(last);
                last = p;
            }
        }
    }

    static Stream<Arguments> policiesAndCapacities() {
        return Stream.of(OverflowPolicy.values()).flatMap(p -> Stream.of(Arguments.of(p, 64), Arguments.of(p, 4096)));
    }

    @ParameterizedTest(name = "{0}, capacity {1}")
    @MethodSource("policiesAndCapacities")
    void concurrentPublishersNeverDeliverTwiceOrOutOfOrderAndMissedCountsAreExact(OverflowPolicy policy, int capacity)
            throws InterruptedException {
        SignalHub hub = SignalHub.builder().capacity(capacity).overflowPolicy(policy).build();
        Seen fast = new Seen();
        Seen slow = new Seen();
        Seen filtered = new Seen();
        List<Thread> subs = List.of(subscriber(hub.subscribe(), fast, false), subscriber(hub.subscribe(), slow, true),
                subscriber(hub.subscribe("p0", "p1*"), filtered, false));
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> pubs = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            long id = p;
            pubs.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (long i = 0; i < PER_PUBLISHER; i++) {
                    if (i % 8 == 0) {
                        hub.publishAll(List.of(new Signal("p" + id, id * 1_000_000_000L + i),
                                new Signal("p" + id, id * 1_000_000_000L + i + 1)));
                        i++;
                    } else {
                        hub.publish("p" + id, id * 1_000_000_000L + i);
                    }
                }
            }));
        }
        go.countDown();
        for (Thread t : pubs) {
            t.join();
        }
        hub.close();
        for (Thread t : subs) {
            t.join();
        }
        for (Seen s : List.of(fast, slow, filtered)) {
            assertThat(s.failure).isNull();
            assertEachPublisherInOrderWithoutDuplicates(s);
        }
        assertThat(fast.messages.size() + fast.missed).isEqualTo(TOTAL);
        assertThat(slow.messages.size() + slow.missed).isEqualTo(TOTAL);
        assertSameRelativeOrder(fast, slow);
        assertThat(filtered.messages).allMatch(m -> m / 1_000_000_000L <= 1);
        if (policy == OverflowPolicy.BLOCK_PUBLISHER) {
            assertThat(fast.missed + slow.missed + filtered.missed).isZero();
            assertThat(filtered.messages).hasSize(2 * PER_PUBLISHER);
        } else {
            assertThat(filtered.messages.size() + filtered.missed).isLessThanOrEqualTo(TOTAL);
        }
    }
}
