package io.theus.store;

import io.theus.outbox.OutboxDraft;
import io.theus.outbox.OutboxMessage;
import io.theus.outbox.OutboxStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox side of the store SPI, which every {@link StateStore} must pass. A store module extends this class and
 * implements {@link #store()}.
 */
abstract class StateStoreContractTest {
    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    /** {@return a new, empty store} */
    abstract StateStore store();

    static CommitRecord commit(long version, String... topics) {
        List<OutboxDraft> drafts = new ArrayList<>();
        for (String t : topics) {
            drafts.add(new OutboxDraft(t, t + "@" + version));
        }
        return new CommitRecord(version, List.of(), List.of(), drafts);
    }

    @Test
    void recordedMessagesGetIncreasingIdsAndArePendingAndDueAtOnce() {
        try (StateStore store = store()) {
            store.record(commit(2, "a", "b"));
            store.record(commit(3, "c"));
            List<OutboxMessage> all = store.outbox();
            assertThat(all).extracting(OutboxMessage::topic).containsExactly("a", "b", "c");
            assertThat(all).extracting(OutboxMessage::version).containsExactly(2L, 2L, 3L);
            assertThat(all.get(0).id()).isLessThan(all.get(1).id());
            assertThat(all.get(1).id()).isLessThan(all.get(2).id());
            assertThat(all).allSatisfy(m -> {
                assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
                assertThat(m.attempts()).isZero();
                assertThat(m.isDue(T0)).isTrue();
            });
        }
    }

    @Test
    void aCommitWithoutOutboxMessagesAddsNothing() {
        try (StateStore store = store()) {
            store.record(commit(2));
            assertThat(store.outbox()).isEmpty();
        }
    }

    @Test
    void claimHandsOutDueMessagesOldestFirstLeasedAndCountedAsAnAttempt() {
        try (StateStore store = store()) {
            store.record(commit(2, "a", "b", "c"));
            Instant lease = T0.plusSeconds(30);
            List<OutboxMessage> claimed = store.claimOutbox(Set.of(), 2, T0, lease);
            assertThat(claimed).extracting(OutboxMessage::topic).containsExactly("a", "b");
            assertThat(claimed).allSatisfy(m -> {
                assertThat(m.status()).isEqualTo(OutboxStatus.IN_FLIGHT);
                assertThat(m.attempts()).isEqualTo(1);
                assertThat(m.nextAttemptAt()).isEqualTo(lease);
            });
            assertThat(store.outbox().subList(0, 2)).isEqualTo(claimed);
            assertThat(store.claimOutbox(Set.of(), 10, T0, lease)).extracting(OutboxMessage::topic)
                    .containsExactly("c");
            assertThat(store.claimOutbox(Set.of(), 10, T0, lease)).isEmpty();
        }
    }

    @Test
    void claimOnlyHandsOutTheRequestedTopics() {
        try (StateStore store = store()) {
            store.record(commit(2, "order.placed", "mail", "order.placed"));
            assertThat(store.claimOutbox(Set.of("mail"), 10, T0, T0.plusSeconds(1))).extracting(OutboxMessage::topic)
                    .containsExactly("mail");
        }
    }

    @Test
    void anInFlightMessageWhoseLeaseRanOutIsDueAgain() {
        try (StateStore store = store()) {
            store.record(commit(2, "a"));
            store.claimOutbox(Set.of(), 10, T0, T0.plusSeconds(30));
            assertThat(store.claimOutbox(Set.of(), 10, T0.plusSeconds(29), T0.plusSeconds(60))).isEmpty();
            List<OutboxMessage> again = store.claimOutbox(Set.of(), 10, T0.plusSeconds(30), T0.plusSeconds(60));
            assertThat(again).singleElement().satisfies(m -> assertThat(m.attempts()).isEqualTo(2));
        }
    }

    @Test
    void messagesNotYetDueAndFailedMessagesAreNotClaimed() {
        try (StateStore store = store()) {
            store.record(commit(2, "later", "dead"));
            List<OutboxMessage> claimed = store.claimOutbox(Set.of(), 10, T0, T0.plusSeconds(1));
            store.updateOutbox(claimed.get(0).retryAt(T0.plusSeconds(10), "IOException: down"));
            store.updateOutbox(claimed.get(1).failed("IOException: down"));
            assertThat(store.claimOutbox(Set.of(), 10, T0.plusSeconds(5), T0.plusSeconds(6))).isEmpty();
            assertThat(store.claimOutbox(Set.of(), 10, T0.plusSeconds(10), T0.plusSeconds(11)))
                    .extracting(OutboxMessage::topic).containsExactly("later");
            assertThat(store.outbox()).filteredOn(m -> m.status() == OutboxStatus.FAILED).singleElement()
                    .satisfies(m -> assertThat(m.error()).hasValue("IOException: down"));
        }
    }

    @Test
    void acknowledgingRemovesTheMessageAndUnknownIdsAreIgnored() {
        try (StateStore store = store()) {
            store.record(commit(2, "a", "b"));
            OutboxMessage a = store.claimOutbox(Set.of(), 1, T0, T0.plusSeconds(1)).get(0);
            store.acknowledgeOutbox(a.id());
            store.acknowledgeOutbox(a.id());
            store.acknowledgeOutbox(987_654);
            assertThat(store.outbox()).extracting(OutboxMessage::topic).containsExactly("b");
        }
    }

    @Test
    void updatingAnUnknownMessageChangesNothing() {
        try (StateStore store = store()) {
            store.record(commit(2, "a"));
            OutboxMessage a = store.outbox().get(0);
            store.acknowledgeOutbox(a.id());
            store.updateOutbox(a.failed("late"));
            assertThat(store.outbox()).isEmpty();
        }
    }

    @Test
    void concurrentClaimsNeverHandOutTheSameMessage() throws InterruptedException {
        try (StateStore store = store()) {
            for (int v = 0; v < 500; v++) {
                store.record(commit(v + 2, "t", "t"));
            }
            Set<Long> seen = Collections.synchronizedSet(new HashSet<>());
            List<Long> duplicates = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> claimers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                claimers.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    List<OutboxMessage> batch;
                    while (!(batch = store.claimOutbox(Set.of(), 7, T0, T0.plusSeconds(60))).isEmpty()) {
                        for (OutboxMessage m : batch) {
                            if (!seen.add(m.id())) {
                                duplicates.add(m.id());
                            }
                        }
                    }
                }));
            }
            go.countDown();
            for (Thread t : claimers) {
                t.join();
            }
            assertThat(duplicates).isEmpty();
            assertThat(seen).hasSize(1000);
        }
    }
}
