package io.theus.signal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The behaviour every hub policy must have. Subclasses choose the policy (and may add policy-specific tests).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class SignalHubContractTest {

    /** {@return a hub of the policy under test} */
    abstract SignalHub hub(int capacity, WaitStrategy wait);

    SignalHub hub(int capacity) {
        return hub(capacity, WaitStrategy.spinThenPark());
    }

    static List<Object> payloads(Subscription sub, int n) throws InterruptedException {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(sub.recv().payload());
        }
        return out;
    }

    @Test
    void subscriberReceivesEveryMessagePublishedAfterItSubscribedInOrder() throws InterruptedException {
        try (SignalHub hub = hub(16)) {
            hub.publish("t", -1);
            Subscription sub = hub.subscribe();
            for (int i = 0; i < 10; i++) {
                hub.publish("t", i);
            }
            assertThat(payloads(sub, 10)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(sub.tryRecv()).isNull();
        }
    }

    @Test
    void publishReturnsHowManyOpenSubscriptionsMatchTheTopic() {
        try (SignalHub hub = hub(16)) {
            assertThat(hub.publish("order.placed", 1)).isZero();
            hub.subscribe();
            hub.subscribe("order.*");
            Subscription stock = hub.subscribe("stock.low");
            assertThat(hub.publish("order.placed", 2)).isEqualTo(2);
            assertThat(hub.publish("stock.low", 3)).isEqualTo(2);
            stock.close();
            assertThat(hub.publish("stock.low", 4)).isEqualTo(1);
            assertThat(hub.subscriberCount()).isEqualTo(2);
        }
    }

    @Test
    void topicSubscriptionReceivesOnlyExactTopicsAndPrefixes() throws InterruptedException {
        try (SignalHub hub = hub(16)) {
            Subscription sub = hub.subscribe("order.*", "alarm");
            hub.publish("stock.low", 1);
            hub.publish("order.placed", 2);
            hub.publish("alarm.minor", 3);
            hub.publish("alarm", 4);
            hub.publish("order.paid", 5);
            assertThat(payloads(sub, 3)).containsExactly(2, 4, 5);
            assertThat(sub.tryRecv()).isNull();
        }
    }

    @Test
    void malformedTopicPatternsAreRefused() {
        try (SignalHub hub = hub(16)) {
            assertThatThrownBy(() -> hub.subscribe("a*b")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'a*b'");
            assertThatThrownBy(() -> hub.subscribe(new String[0])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> hub.subscribe(" ")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void tryRecvReturnsNullWhenNothingIsPublished() {
        try (SignalHub hub = hub(16); Subscription sub = hub.subscribe()) {
            assertThat(sub.tryRecv()).isNull();
        }
    }

    @Test
    void pollReturnsNullWhenNothingArrivesInTime() throws InterruptedException {
        try (SignalHub hub = hub(16); Subscription sub = hub.subscribe()) {
            assertThat(sub.poll(Duration.ofMillis(20))).isNull();
            hub.publish("t", 1);
            assertThat(sub.poll(Duration.ofSeconds(10))).isEqualTo(new Signal("t", 1));
        }
    }

    @Test
    void recvWaitsUntilAMessageIsPublished() throws Exception {
        try (SignalHub hub = hub(16); Subscription sub = hub.subscribe()) {
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Signal> got = CompletableFuture.supplyAsync(() -> {
                started.countDown();
                try {
                    return sub.recv();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            started.await();
            hub.publish("t", "late");
            assertThat(got.get(30, TimeUnit.SECONDS).payload()).isEqualTo("late");
        }
    }

    @Test
    void parkedReceiversNeverMissAWakeUp() throws Exception {
        try (SignalHub ping = hub(16, WaitStrategy.parking()); SignalHub pong = hub(16, WaitStrategy.parking());
             Subscription pings = ping.subscribe(); Subscription pongs = pong.subscribe()) {
            Thread echo = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < 2_000; i++) {
                        pong.publish("pong", pings.recv().payload());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (int i = 0; i < 2_000; i++) {
                ping.publish("ping", i);
                assertThat(pongs.recv().payload()).isEqualTo(i);
            }
            echo.join();
        }
    }

    @Test
    void recvAsyncCompletesWithTheNextMessage() throws Exception {
        try (SignalHub hub = hub(16); Subscription sub = hub.subscribe()) {
            hub.publish("t", 1);
            assertThat(sub.recvAsync()).isCompletedWithValue(new Signal("t", 1));
            CompletableFuture<Signal> pending = sub.recvAsync();
            hub.publish("t", 2);
            assertThat(pending.get(30, TimeUnit.SECONDS).payload()).isEqualTo(2);
            hub.publish("t", 3);
            assertThat(sub.recv().payload()).isEqualTo(3);
        }
    }

    @Test
    void receivingWhileAnAsyncReceiveIsOutstandingIsRefused() {
        try (SignalHub hub = hub(16); Subscription sub = hub.subscribe()) {
            CompletableFuture<Signal> pending = sub.recvAsync();
            assertThatThrownBy(sub::tryRecv).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("recvAsync");
            pending.cancel(false);
        }
    }

    @Test
    void cancellingAnAsyncReceiveConsumesNothing() throws InterruptedException {
        try (SignalHub hub = hub(16); Subscription sub = hub.subscribe()) {
            CompletableFuture<Signal> pending = sub.recvAsync();
            assertThat(pending.cancel(false)).isTrue();
            hub.publish("t", "kept");
            assertThat(sub.recv().payload()).isEqualTo("kept");
            assertThat(pending).isCancelled();
        }
    }

    @Test
    void chainedAsyncReceivesSeeEveryMessageOnce() throws Exception {
        try (SignalHub hub = hub(64); Subscription sub = hub.subscribe()) {
            List<Object> seen = new ArrayList<>();
            CompletableFuture<Void> done = new CompletableFuture<>();
            receiveChain(sub, seen, 20, done);
            for (int i = 0; i < 20; i++) {
                hub.publish("t", i);
            }
            done.get(30, TimeUnit.SECONDS);
            assertThat(seen).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
        }
    }

    private static void receiveChain(Subscription sub, List<Object> seen, int left, CompletableFuture<Void> done) {
        if (left == 0) {
            done.complete(null);
            return;
        }
        sub.recvAsync().whenComplete((s, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
            } else {
                seen.add(s.payload());
                receiveChain(sub, seen, left - 1, done);
            }
        });
    }

    @Test
    void closingTheHubEndsEverySubscriberAfterItReadsWhatIsRetained() throws InterruptedException {
        SignalHub hub = hub(16);
        Subscription a = hub.subscribe();
        Subscription b = hub.subscribe("x");
        hub.publish("x", 1);
        hub.close();
        assertThat(a.recv().payload()).isEqualTo(1);
        assertThatThrownBy(a::recv).isInstanceOf(SignalHubClosedException.class).hasMessageContaining("closed");
        assertThat(b.tryRecv().payload()).isEqualTo(1);
        assertThatThrownBy(b::tryRecv).isInstanceOf(SignalHubClosedException.class);
        assertThat(b.recvAsync()).isCompletedExceptionally();
        assertThat(a.isClosed()).isTrue();
    }

    @Test
    void closingTheHubWakesBlockedReceiversWithAClosedError() throws Exception {
        SignalHub hub = hub(16);
        Subscription sub = hub.subscribe();
        Subscription async = hub.subscribe();
        CompletableFuture<Signal> pending = async.recvAsync();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread receiver = Thread.ofPlatform().start(() -> {
            try {
                sub.recv();
            } catch (Throwable t) {
                error.set(t);
            }
        });
        await().until(() -> receiver.getState() == Thread.State.WAITING);
        hub.close();
        receiver.join();
        assertThat(error.get()).isInstanceOf(SignalHubClosedException.class);
        assertThatThrownBy(() -> pending.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SignalHubClosedException.class);
    }

    @Test
    void closingASubscriptionWakesItsReceiverAndRemovesIt() throws Exception {
        try (SignalHub hub = hub(16)) {
            Subscription sub = hub.subscribe();
            AtomicReference<Throwable> error = new AtomicReference<>();
            Thread receiver = Thread.ofPlatform().start(() -> {
                try {
                    sub.recv();
                } catch (Throwable t) {
                    error.set(t);
                }
            });
            await().until(() -> receiver.getState() == Thread.State.WAITING);
            sub.close();
            receiver.join();
            assertThat(error.get()).isInstanceOf(SignalHubClosedException.class)
                    .hasMessageContaining("subscription is closed");
            assertThat(hub.subscriberCount()).isZero();
            assertThat(hub.publish("t", 1)).isZero();
        }
    }

    @Test
    void interruptingABlockedReceiverThrowsInterruptedException() throws Exception {
        try (SignalHub hub = hub(16); Subscription sub = hub.subscribe()) {
            AtomicReference<Throwable> error = new AtomicReference<>();
            Thread receiver = Thread.ofPlatform().start(() -> {
                try {
                    sub.recv();
                } catch (Throwable t) {
                    error.set(t);
                }
            });
            await().until(() -> receiver.getState() == Thread.State.WAITING);
            receiver.interrupt();
            receiver.join();
            assertThat(error.get()).isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    void publishingOnAClosedHubIsRefused() {
        SignalHub hub = hub(16);
        hub.close();
        assertThatThrownBy(() -> hub.publish("t", 1)).isInstanceOf(SignalHubClosedException.class)
                .hasMessageContaining("publishing is refused");
        assertThatThrownBy(hub::subscribe).isInstanceOf(SignalHubClosedException.class);
    }

    @Test
    void publishAllKeepsABatchTogetherAgainstConcurrentPublishers() throws Exception {
        try (SignalHub hub = hub(1024); Subscription sub = hub.subscribe()) {
            List<Signal> batch = List.of(new Signal("b", 0), new Signal("b", 1), new Signal("b", 2));
            Thread noise = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 200; i++) {
                    hub.publish("n", i);
                }
            });
            for (int i = 0; i < 50; i++) {
                hub.publishAll(batch);
            }
            noise.join();
            List<Signal> seen = new ArrayList<>();
            for (int i = 0; i < 350; i++) {
                seen.add(sub.recv());
            }
            for (int i = 0; i < seen.size(); i++) {
                if (seen.get(i).topic().equals("b") && seen.get(i).payload().equals(0)) {
                    assertThat(seen.subList(i, i + 3)).isEqualTo(batch);
                }
            }
        }
    }

    @Test
    void eachSubscriberHasItsOwnCursor() throws InterruptedException {
        try (SignalHub hub = hub(16); Subscription fast = hub.subscribe(); Subscription slow = hub.subscribe()) {
            hub.publish("t", 1);
            hub.publish("t", 2);
            assertThat(payloads(fast, 2)).containsExactly(1, 2);
            hub.publish("t", 3);
            assertThat(payloads(slow, 3)).containsExactly(1, 2, 3);
            assertThat(payloads(fast, 1)).containsExactly(3);
        }
    }
}
