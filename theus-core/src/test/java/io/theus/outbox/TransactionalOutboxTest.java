package io.theus.outbox;

import io.theus.IllegalWriteException;
import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import io.theus.contract.Semantic;
import io.theus.tx.CommitCandidate;
import io.theus.tx.CommitKind;
import io.theus.tx.RetryPolicy;
import io.theus.tx.Transaction;
import io.theus.tx.TransactionInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC O1: outbox messages reach the relay only when their transaction commits. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TransactionalOutboxTest {

    static TheusEngine orders(TransactionInterceptor... interceptors) {
        var builder = TheusEngine.builder().initialState(Map.of("domain", Map.of("orders", List.of())));
        for (TransactionInterceptor i : interceptors) {
            builder.interceptor(i);
        }
        TheusEngine engine = builder.build();
        engine.register(ProcessSpec.builder("place").outputs("domain.orders").param("id", String.class)
                .param("total", int.class).errors(IllegalArgumentException.class).body((ctx, args) -> {
                    String id = (String) args.get("id");
                    int total = (int) args.get("total");
                    ctx.append("domain.orders", id);
                    ctx.outbox("order.placed", Map.of("id", id, "total", total));
                    if (total <= 0) {
                        throw new IllegalArgumentException("total must be positive, was " + total);
                    }
                    return null;
                }).build());
        return engine;
    }

    private static List<Object> payloads(OutboxRelay relay) {
        return relay.pending().stream().map(OutboxMessage::payload).toList();
    }

    @Test
    void onlyCommittedTransactionsPutMessagesInTheOutbox() {
        try (TheusEngine engine = orders()) {
            engine.execute("place", Map.of("id", "A", "total", 10));
            assertThatThrownBy(() -> engine.execute("place", Map.of("id", "B", "total", 0)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(payloads(engine.outbox())).containsExactly(Map.of("id", "A", "total", 10));
            assertThat(engine.outbox().pending().get(0).version()).isEqualTo(engine.state().version());
        }
    }

    @Test
    void aCommitRejectedByAGateStoresNoMessage() {
        TransactionInterceptor gate = new TransactionInterceptor() {
            @Override
            public void beforeCommit(CommitCandidate candidate) {
                if (candidate.kind() == CommitKind.PROCESS) {
                    throw new IllegalStateException("audit rejected the commit");
                }
            }
        };
        try (TheusEngine engine = orders(gate)) {
            assertThatThrownBy(() -> engine.execute("place", Map.of("id", "A", "total", 10)))
                    .hasMessageContaining("audit rejected");
            assertThat(engine.outbox().pending()).isEmpty();
        }
    }

    @Test
    void aConflictRetryStoresOnlyTheMessagesOfTheAttemptThatCommitted() throws Exception {
        try (TheusEngine engine = TheusEngine.builder().retryPolicy(new RetryPolicy(10, Duration.ZERO, Duration.ZERO,
                100)).initialState(Map.of("domain", Map.of("counter", 0))).build()) {
            CountDownLatch entered = new CountDownLatch(1);
            Semaphore go = new Semaphore(0);
            engine.register(ProcessSpec.builder("gated").outputs("domain.counter").body((ctx, args) -> {
                int seen = ctx.getInt("domain.counter");
                ctx.outbox("counted", seen);
                if (entered.getCount() > 0) {
                    entered.countDown();
                    go.acquire();
                }
                return seen + 1;
            }).build());
            engine.register(ProcessSpec.builder("bump").outputs("domain.counter").body((ctx, args) -> 10).build());
            CompletableFuture<Object> gated = CompletableFuture.supplyAsync(() -> engine.execute("gated"));
            entered.await();
            engine.execute("bump");
            go.release();
            gated.get(30, TimeUnit.SECONDS);
            assertThat(payloads(engine.outbox())).containsExactly(10);
        }
    }

    @Test
    void ownerEditsAndExplicitTransactionsMayWriteToTheOutboxAndRollbackWritesNothing() {
        try (TheusEngine engine = orders()) {
            engine.edit(e -> e.outbox("admin", "edited"));
            try (Transaction tx = engine.transaction()) {
                tx.outbox("admin", "rolled back");
            }
            try (Transaction tx = engine.transaction()) {
                tx.outbox("admin", "committed");
                tx.commit();
            }
            assertThat(payloads(engine.outbox())).containsExactly("edited", "committed");
        }
    }

    @Test
    void aPureProcessMayNotWriteToTheOutbox() {
        try (TheusEngine engine = orders()) {
            engine.register(ProcessSpec.builder("peek").inputs("domain.orders").semantic(Semantic.PURE)
                    .body((ctx, args) -> {
                        ctx.outbox("x", 1);
                        return null;
                    }).build());
            assertThatThrownBy(() -> engine.execute("peek")).isInstanceOf(IllegalWriteException.class)
                    .hasMessageContaining("PURE").hasMessageContaining("outbox");
            assertThat(engine.outbox().pending()).isEmpty();
        }
    }

    @Test
    void outboxPayloadsAreFrozen() {
        try (TheusEngine engine = orders()) {
            List<Integer> mutable = new ArrayList<>(List.of(1, 2));
            engine.edit(e -> e.outbox("batch", mutable));
            mutable.add(3);
            Object payload = engine.outbox().pending().get(0).payload();
            assertThat(payload).isEqualTo(List.of(1, 2));
            assertThatThrownBy(() -> ((List<?>) payload).clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void anOutboxOnlyCommitMakesANewVersion() {
        try (TheusEngine engine = orders()) {
            long before = engine.state().version();
            engine.edit(e -> e.outbox("ping", 1));
            assertThat(engine.state().version()).isEqualTo(before + 1);
        }
    }
}
