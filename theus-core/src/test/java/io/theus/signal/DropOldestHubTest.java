package io.theus.signal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DropOldestHubTest extends SignalHubContractTest {

    @Override
    SignalHub hub(int capacity, WaitStrategy wait) {
        return SignalHub.builder().capacity(capacity).overflowPolicy(OverflowPolicy.DROP_OLDEST).waitStrategy(wait)
                .build();
    }

    @Test
    void lappedSubscriberGetsTheExactMissedCountThenContinuesFromTheOldestRetained() throws InterruptedException {
        try (SignalHub hub = hub(8); Subscription sub = hub.subscribe()) {
            for (int i = 0; i < 13; i++) {
                hub.publish("t", i);
            }
            assertThatThrownBy(sub::recv).isInstanceOfSatisfying(SignalLagException.class,
                    e -> assertThat(e.missed()).isEqualTo(5));
            assertThat(payloads(sub, 8)).containsExactly(5, 6, 7, 8, 9, 10, 11, 12);
            assertThat(sub.tryRecv()).isNull();
            assertThat(sub.missed()).isEqualTo(5);
        }
    }

    @Test
    void publisherNeverWaitsForASubscriberThatDoesNotRead() {
        try (SignalHub hub = hub(4); Subscription idle = hub.subscribe()) {
            for (int i = 0; i < 10_000; i++) {
                assertThat(hub.publish("t", i)).isEqualTo(1);
            }
            assertThatThrownBy(idle::tryRecv).isInstanceOfSatisfying(SignalLagException.class,
                    e -> assertThat(e.missed()).isEqualTo(10_000 - 4));
            assertThat(idle.tryRecv().payload()).isEqualTo(10_000 - 4);
        }
    }

    @Test
    void lagErrorsAccumulateInMissed() {
        try (SignalHub hub = hub(2); Subscription sub = hub.subscribe()) {
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 5; i++) {
                    hub.publish("t", i);
                }
                assertThatThrownBy(sub::tryRecv).isInstanceOf(SignalLagException.class);
                sub.tryRecv();
                sub.tryRecv();
            }
            assertThat(sub.missed()).isEqualTo(9);
        }
    }

    @Test
    void filteredSubscriberCountsEveryOverwrittenMessageWhateverItsTopic() {
        try (SignalHub hub = hub(4); Subscription sub = hub.subscribe("keep")) {
            for (int i = 0; i < 10; i++) {
                hub.publish(i == 9 ? "keep" : "other", i);
            }
            assertThatThrownBy(sub::tryRecv).isInstanceOfSatisfying(SignalLagException.class,
                    e -> assertThat(e.missed()).isEqualTo(6));
            assertThat(sub.tryRecv().payload()).isEqualTo(9);
        }
    }

    @Test
    void asyncReceiveReportsLagThroughItsFuture() {
        try (SignalHub hub = hub(2); Subscription sub = hub.subscribe()) {
            for (int i = 0; i < 5; i++) {
                hub.publish("t", i);
            }
            assertThat(sub.recvAsync()).isCompletedExceptionally();
            assertThat(sub.recvAsync()).isCompletedWithValue(new Signal("t", 3));
        }
    }
}
