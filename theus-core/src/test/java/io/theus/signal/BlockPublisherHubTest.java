package io.theus.signal;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BlockPublisherHubTest extends SignalHubContractTest {

    @Override
    SignalHub hub(int capacity, WaitStrategy wait) {
        return SignalHub.builder().capacity(capacity).overflowPolicy(OverflowPolicy.BLOCK_PUBLISHER)
                .waitStrategy(wait).build();
    }

    private static Thread publisher(SignalHub hub, int count, AtomicInteger published, AtomicReference<Throwable> err) {
        return Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    hub.publish("t", i);
                    published.incrementAndGet();
                }
            } catch (Throwable t) {
                err.set(t);
            }
        });
    }

    @Test
    void publisherWaitsForTheSlowestSubscriberInsteadOfOverwriting() throws InterruptedException {
        try (SignalHub hub = hub(4); Subscription slow = hub.subscribe()) {
            AtomicInteger published = new AtomicInteger();
            Thread pub = publisher(hub, 6, published, new AtomicReference<>());
            await().until(() -> published.get() == 4 && pub.getState() == Thread.State.TIMED_WAITING);
            assertThat(published.get()).isEqualTo(4);
            assertThat(slow.recv().payload()).isEqualTo(0);
            assertThat(slow.recv().payload()).isEqualTo(1);
            pub.join();
            assertThat(payloads(slow, 4)).containsExactly(2, 3, 4, 5);
            assertThat(slow.missed()).isZero();
        }
    }

    @Test
    void closingTheSlowSubscriptionReleasesTheWaitingPublisher() throws InterruptedException {
        try (SignalHub hub = hub(4)) {
            Subscription slow = hub.subscribe();
            AtomicInteger published = new AtomicInteger();
            Thread pub = publisher(hub, 10, published, new AtomicReference<>());
            await().until(() -> published.get() == 4 && pub.getState() == Thread.State.TIMED_WAITING);
            slow.close();
            pub.join();
            assertThat(published.get()).isEqualTo(10);
        }
    }

    @Test
    void closingTheHubReleasesAWaitingPublisherWithAClosedError() throws InterruptedException {
        SignalHub hub = hub(4);
        hub.subscribe();
        AtomicInteger published = new AtomicInteger();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread pub = publisher(hub, 10, published, error);
        await().until(() -> published.get() == 4 && pub.getState() == Thread.State.TIMED_WAITING);
        hub.close();
        pub.join();
        assertThat(error.get()).isInstanceOf(SignalHubClosedException.class);
    }

    @Test
    void aBatchLargerThanTheRingWakesSleepingSubscribersItWaitsFor() throws Exception {
        try (SignalHub hub = hub(4, WaitStrategy.parking()); Subscription sub = hub.subscribe()) {
            AtomicReference<Object> last = new AtomicReference<>();
            Thread receiver = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < 10; i++) {
                        last.set(sub.recv().payload());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            await().until(() -> receiver.getState() == Thread.State.WAITING);
            hub.publishAll(java.util.stream.IntStream.range(0, 10).mapToObj(i -> new Signal("t", i)).toList());
            receiver.join();
            assertThat(last.get()).isEqualTo(9);
        }
    }
}
