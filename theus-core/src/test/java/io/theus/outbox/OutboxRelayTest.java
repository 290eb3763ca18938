package io.theus.outbox;

import io.theus.TheusEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The relay: at-least-once delivery with acknowledgement, retries with backoff, visible failures. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OutboxRelayTest {
    private static final OutboxPolicy POLICY = new OutboxPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(5));

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    private TheusEngine engine(OutboxPolicy policy) {
        return TheusEngine.builder().clock(clock).outboxPolicy(policy).build();
    }

    private static void place(TheusEngine engine, String topic, Object payload) {
        engine.edit(e -> e.outbox(topic, payload));
    }

    @Test
    void drainDeliversEveryDueMessageInOrderAndAcknowledgesIt() {
        try (TheusEngine engine = engine(POLICY)) {
            place(engine, "order.placed", "A");
            place(engine, "order.placed", "B");
            List<OutboxMessage> delivered = new CopyOnWriteArrayList<>();
            DrainResult r = engine.outbox().drain(delivered::add);
            assertThat(r).isEqualTo(new DrainResult(2, 0));
            assertThat(delivered).extracting(OutboxMessage::payload).containsExactly("A", "B");
            assertThat(delivered).allSatisfy(m -> assertThat(m.attempts()).isEqualTo(1));
            assertThat(engine.outbox().pending()).isEmpty();
        }
    }

    @Test
    void aFailedDeliveryIsRetriedAfterItsBackoffAndStaysVisibleMeanwhile() {
        try (TheusEngine engine = engine(POLICY)) {
            place(engine, "mail", "hello");
            AtomicInteger calls = new AtomicInteger();
            OutboxWorker flaky = m -> {
                if (calls.incrementAndGet() == 1) {
                    throw new IOException("smtp down");
                }
            };
            assertThat(engine.outbox().drain(flaky)).isEqualTo(new DrainResult(0, 1));
            OutboxMessage waiting = engine.outbox().pending().get(0);
            assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(waiting.attempts()).isEqualTo(1);
            assertThat(waiting.error()).hasValue("java.io.IOException: smtp down");
            assertThat(waiting.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(1));
            assertThat(engine.outbox().drain(flaky)).isEqualTo(new DrainResult(0, 0));
            clock.advance(Duration.ofSeconds(1));
            assertThat(engine.outbox().drain(flaky)).isEqualTo(new DrainResult(1, 0));
            assertThat(engine.outbox().pending()).isEmpty();
        }
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        OutboxPolicy p = new OutboxPolicy(10, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        assertThat(List.of(p.backoff(1), p.backoff(2), p.backoff(3), p.backoff(4), p.backoff(60)))
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                        Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void afterItsLastAttemptAMessageIsMarkedFailedUntilRequeued() {
        try (TheusEngine engine = engine(POLICY)) {
            place(engine, "mail", "hello");
            OutboxWorker broken = m -> {
                throw new IllegalStateException("rejected by the server");
            };
            for (int i = 0; i < 3; i++) {
                assertThat(engine.outbox().drain(broken).failed()).isEqualTo(1);
                clock.advance(Duration.ofSeconds(10));
            }
            assertThat(engine.outbox().drain(broken)).isEqualTo(new DrainResult(0, 0));
            OutboxMessage failed = engine.outbox().failed().get(0);
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e).contains("rejected by the server"));
            assertThat(engine.outbox().requeue(failed.id())).isTrue();
            assertThat(engine.outbox().requeue(failed.id())).isFalse();
            assertThat(engine.outbox().drain(m -> { })).isEqualTo(new DrainResult(1, 0));
        }
    }

    @Test
    void discardingRemovesAMessageUndelivered() {
        try (TheusEngine engine = engine(POLICY)) {
            place(engine, "mail", "spam");
            engine.outbox().discard(engine.outbox().pending().get(0).id());
            assertThat(engine.outbox().pending()).isEmpty();
        }
    }

    @Test
    void aMessageWhoseWorkerDiedIsDeliveredAgainOnceItsLeaseRunsOut() {
        try (TheusEngine engine = engine(POLICY)) {
            place(engine, "mail", "hello");
            assertThatThrownBy(() -> engine.outbox().drain(m -> {
                throw new Error("worker died mid-delivery");
            })).isInstanceOf(Error.class).hasMessage("worker died mid-delivery");
            assertThat(engine.outbox().pending().get(0).status()).isEqualTo(OutboxStatus.IN_FLIGHT);
            assertThat(engine.outbox().drain(m -> { })).isEqualTo(new DrainResult(0, 0));
            clock.advance(Duration.ofSeconds(30));
            List<OutboxMessage> again = new CopyOnWriteArrayList<>();
            assertThat(engine.outbox().drain(again::add)).isEqualTo(new DrainResult(1, 0));
            assertThat(again.get(0).attempts()).isEqualTo(2);
        }
    }

    @Test
    void drainDeliversOnlyTheRequestedTopics() {
        try (TheusEngine engine = engine(POLICY)) {
            place(engine, "order.placed", "A");
            place(engine, "mail", "M");
            List<Object> delivered = new CopyOnWriteArrayList<>();
            engine.outbox().drain(m -> delivered.add(m.payload()), "mail");
            assertThat(delivered).containsExactly("M");
            assertThat(engine.outbox().pending()).extracting(OutboxMessage::payload).containsExactly("A");
        }
    }

    @Test
    void anAttachedWorkerDeliversCommittedMessagesInTheBackground() {
        try (TheusEngine engine = TheusEngine.builder().build()) {
            List<Object> delivered = new CopyOnWriteArrayList<>();
            try (OutboxRelay.Attachment worker = engine.outbox().attachWorker(m -> delivered.add(m.payload()))) {
                place(engine, "order.placed", "A");
                place(engine, "order.placed", "B");
                await().until(() -> delivered.size() == 2);
                assertThat(worker.isRunning()).isTrue();
            }
            assertThat(delivered).containsExactly("A", "B");
            await().until(() -> engine.outbox().pending().isEmpty());
        }
    }

    @Test
    void anAttachedWorkerRetriesAFailedDeliveryByItself() {
        OutboxPolicy fast = new OutboxPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(30),
                Duration.ofSeconds(5));
        try (TheusEngine engine = TheusEngine.builder().outboxPolicy(fast).build()) {
            AtomicInteger calls = new AtomicInteger();
            List<Object> delivered = new CopyOnWriteArrayList<>();
            try (OutboxRelay.Attachment worker = engine.outbox().attachWorker(m -> {
                if (calls.incrementAndGet() < 3) {
                    throw new IOException("broker unavailable");
                }
                delivered.add(m.payload());
            })) {
                place(engine, "order.placed", "A");
                await().until(() -> delivered.size() == 1);
                assertThat(worker.isRunning()).isTrue();
            }
            assertThat(calls.get()).isEqualTo(3);
        }
    }

    @Test
    void workersOfDifferentTopicsEachReceiveOnlyTheirOwn() {
        try (TheusEngine engine = TheusEngine.builder().build()) {
            List<Object> orders = new CopyOnWriteArrayList<>();
            List<Object> mails = new CopyOnWriteArrayList<>();
            try (OutboxRelay.Attachment a = engine.outbox().attachWorker(m -> orders.add(m.payload()), "order.placed");
                 OutboxRelay.Attachment b = engine.outbox().attachWorker(m -> mails.add(m.payload()), "mail")) {
                place(engine, "order.placed", "A");
                place(engine, "mail", "M");
                await().until(() -> orders.size() == 1 && mails.size() == 1);
                assertThat(a.isRunning() && b.isRunning()).isTrue();
            }
            assertThat(orders).containsExactly("A");
            assertThat(mails).containsExactly("M");
        }
    }

    @Test
    void closingTheEngineDetachesWorkersAndKeepsUndeliveredMessages() {
        TheusEngine engine = TheusEngine.builder().clock(clock).outboxPolicy(POLICY).build();
        OutboxRelay.Attachment worker = engine.outbox().attachWorker(m -> {
            throw new IOException("down");
        });
        place(engine, "mail", "kept");
        await().until(() -> engine.outbox().pending().get(0).attempts() == 1
                && engine.outbox().pending().get(0).status() == OutboxStatus.PENDING);
        engine.close();
        assertThat(worker.isRunning()).isFalse();
        assertThat(engine.outbox().pending()).extracting(OutboxMessage::payload).containsExactly("kept");
        assertThatThrownBy(() -> engine.outbox().drain(m -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invalidPoliciesAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> new OutboxPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1))).hasMessage("maxAttempts must be >= 1, was 0");
        assertThatThrownBy(() -> new OutboxPolicy(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1))).hasMessage("baseDelay must be positive, was PT0S");
        assertThatThrownBy(() -> new OutboxPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1))).hasMessageContaining("maxDelay must be >= baseDelay");
    }
}
