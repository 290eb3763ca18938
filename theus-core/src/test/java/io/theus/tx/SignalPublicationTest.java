package io.theus.tx;

import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import io.theus.contract.ReturnMapping;
import io.theus.contract.StateUpdate;
import io.theus.signal.OverflowPolicy;
import io.theus.signal.Signal;
import io.theus.signal.SignalHub;
import io.theus.signal.SignalHubClosedException;
import io.theus.signal.Subscription;
import io.theus.state.StateSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC S5: committed signals reach the hub after the commit, in order, exactly once, and never otherwise. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SignalPublicationTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static TheusEngine engine() {
        TheusEngine engine = TheusEngine.builder().initialState(Map.of("domain", Map.of("stock", 10))).build();
        engine.register(ProcessSpec.builder("sell").outputs("domain.stock", "domain.sig_restock", "signal.cmd_reorder")
                .body((ctx, args) -> {
                    ctx.update("domain.stock", Integer.class, s -> s - 1);
                    ctx.set("domain.sig_restock", true);
                    ctx.emit("sold", Map.of("left", ctx.getInt("domain.stock")));
                    ctx.set("signal.cmd_reorder", "now");
                    return null;
                }).build());
        engine.register(ProcessSpec.builder("failing").outputs("domain.stock").body((ctx, args) -> {
            ctx.emit("never", 1);
            throw new IllegalStateException("boom");
        }).errors(IllegalStateException.class).build());
        return engine;
    }

    private static List<Signal> drain(Subscription sub) {
        List<Signal> out = new ArrayList<>();
        for (Signal s = sub.tryRecv(); s != null; s = sub.tryRecv()) {
            out.add(s);
        }
        return out;
    }

    @Test
    void committedSignalsArePublishedInEmissionOrderBeforeExecuteReturns() {
        try (TheusEngine engine = engine(); Subscription sub = engine.signals().subscribe()) {
            engine.execute("sell");
            assertThat(drain(sub)).containsExactly(new Signal("domain.sig_restock", true),
                    new Signal("sold", Map.of("left", 9)), new Signal("cmd_reorder", "now"));
        }
    }

    @Test
    void publishedSignalsAreTheOnesLatchedOnTheCommittedVersion() {
        try (TheusEngine engine = engine(); Subscription sub = engine.signals().subscribe()) {
            engine.execute("sell");
            assertThat(drain(sub)).isEqualTo(engine.state().signals());
        }
    }

    @Test
    void aFailedProcessPublishesNothing() {
        try (TheusEngine engine = engine(); Subscription sub = engine.signals().subscribe()) {
            assertThatThrownBy(() -> engine.execute("failing")).isInstanceOf(IllegalStateException.class);
            assertThat(sub.tryRecv()).isNull();
        }
    }

    @Test
    void aCommitRejectedBeforeCommitByAnInterceptorPublishesNothing() {
        TransactionInterceptor gate = new TransactionInterceptor() {
            @Override
            public void beforeCommit(CommitCandidate candidate) {
                if (!candidate.signals().isEmpty()) {
                    throw new IllegalStateException("rejected by the schema gate");
                }
            }
        };
        try (TheusEngine engine = TheusEngine.builder().interceptor(gate)
                .initialState(Map.of("domain", Map.of("stock", 10))).build();
             Subscription sub = engine.signals().subscribe()) {
            engine.register(ProcessSpec.builder("emit").outputs("domain.stock").body((ctx, args) -> {
                ctx.set("domain.stock", 1);
                ctx.emit("changed", 1);
                return null;
            }).build());
            long before = engine.state().version();
            assertThatThrownBy(() -> engine.execute("emit")).hasMessageContaining("schema gate");
            assertThat(sub.tryRecv()).isNull();
            assertThat(engine.state().version()).isEqualTo(before);
        }
    }

    @Test
    void aConflictRetryPublishesOnlyTheAttemptThatCommitted() throws Exception {
        try (TheusEngine engine = TheusEngine.builder().retryPolicy(new RetryPolicy(10, Duration.ZERO, Duration.ZERO,
                100)).initialState(Map.of("domain", Map.of("counter", 0))).build();
             Subscription sub = engine.signals().subscribe("attempt")) {
            Gate gate = new Gate(1);
            engine.register(ProcessSpec.builder("gated").outputs("domain.counter").body((ctx, args) -> {
                int seen = ctx.getInt("domain.counter");
                ctx.emit("attempt", seen);
                gate.pass();
                return seen + 1;
            }).build());
            engine.register(ProcessSpec.builder("bump").outputs("domain.counter").body((ctx, args) -> 10).build());
            Future<Object> gated = pool.submit(() -> engine.execute("gated"));
            gate.awaitEntered();
            engine.execute("bump");
            gate.open();
            gated.get(30, TimeUnit.SECONDS);
            assertThat(gate.attempts()).isEqualTo(2);
            assertThat(drain(sub)).containsExactly(new Signal("attempt", 10));
        }
    }

    @Test
    void stateUpdateSignalsAreLatchedAndPublished() {
        try (TheusEngine engine = engine(); Subscription sub = engine.signals().subscribe()) {
            engine.register(ProcessSpec.builder("returns").outputs("domain.stock").returns(ReturnMapping.RESULT)
                    .body((ctx, args) -> StateUpdate.builder().set("domain.stock", 3).signal("restocked", 3).build())
                    .build());
            engine.execute("returns");
            assertThat(drain(sub)).containsExactly(new Signal("restocked", 3));
        }
    }

    @Test
    void ownerOperationsPublishOnCommitAndNothingOnRollback() {
        try (TheusEngine engine = engine(); Subscription sub = engine.signals().subscribe()) {
            try (Transaction tx = engine.transaction()) {
                tx.emit("rolled.back", 1);
            }
            engine.edit(e -> e.emit("edited", 2));
            try (Transaction tx = engine.transaction()) {
                tx.set("signal.cmd_go", 3);
                tx.commit();
            }
            engine.compareAndSwap(engine.state().version(), StateUpdate.builder().signal("swapped", 4).build());
            assertThat(drain(sub)).extracting(Signal::topic).containsExactly("edited", "cmd_go", "swapped");
        }
    }

    @Test
    void aSubscriberThatReceivesASignalCanReadTheStateThatProducedIt() throws Exception {
        try (TheusEngine engine = engine(); Subscription sub = engine.signals().subscribe("sold")) {
            CompletableFuture<StateSnapshot> seen = CompletableFuture.supplyAsync(() -> {
                try {
                    sub.recv();
                    return engine.state();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, pool);
            engine.execute("sell");
            StateSnapshot state = seen.get(30, TimeUnit.SECONDS);
            assertThat(state.getInt("domain.stock")).isEqualTo(9);
            assertThat(state.signals()).contains(new Signal("sold", Map.of("left", 9)));
        }
    }

    @Test
    void commitsOnManyThreadsPublishTheirSignalsInVersionOrderExactlyOnce() throws Exception {
        int threads = 4;
        int perThread = 500;
        SignalHub hub = SignalHub.builder().capacity(4096).build();
        try (TheusEngine engine = TheusEngine.builder().signalHub(hub)
                .retryPolicy(new RetryPolicy(10_000, Duration.ZERO, Duration.ZERO, 1_000))
                .initialState(Map.of("domain", Map.of("counter", 0, "noise", 0))).build();
             Subscription sub = engine.signals().subscribe("counter")) {
            engine.register(ProcessSpec.builder("inc").outputs("domain.counter").body((ctx, args) -> {
                int next = ctx.getInt("domain.counter") + 1;
                ctx.emit("counter", next);
                return next;
            }).build());
            engine.register(ProcessSpec.builder("noise").outputs("domain.noise").body((ctx, args) ->
                    ctx.getInt("domain.noise") + 1).build());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String process = t == 0 ? "noise" : "inc";
                work.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        engine.execute(process);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            List<Object> payloads = drain(sub).stream().map(Signal::payload).toList();
            int incs = (threads - 1) * perThread;
            assertThat(payloads).hasSize(incs);
            for (int i = 0; i < incs; i++) {
                assertThat(payloads.get(i)).isEqualTo(i + 1);
            }
            assertThat(sub.missed()).isZero();
        }
    }

    @Test
    void aSignalOnlyCommitMakesANewVersionAndPublishes() {
        try (TheusEngine engine = engine(); Subscription sub = engine.signals().subscribe()) {
            long before = engine.state().version();
            engine.edit(e -> e.emit("ping", 1));
            assertThat(engine.state().version()).isEqualTo(before + 1);
            assertThat(drain(sub)).containsExactly(new Signal("ping", 1));
        }
    }

    @Test
    void closingTheEngineEndsSubscribersAfterTheyReadWhatWasPublished() throws InterruptedException {
        TheusEngine engine = engine();
        Subscription sub = engine.signals().subscribe();
        engine.execute("sell");
        engine.close();
        assertThat(engine.signals().isClosed()).isTrue();
        for (int i = 0; i < 3; i++) {
            sub.recv();
        }
        assertThatThrownBy(sub::recv).isInstanceOf(SignalHubClosedException.class);
    }

    @Test
    void theEngineUsesTheHubItWasGiven() {
        SignalHub hub = SignalHub.builder().capacity(64).overflowPolicy(OverflowPolicy.BLOCK_PUBLISHER).build();
        try (TheusEngine engine = TheusEngine.builder().signalHub(hub).build()) {
            assertThat(engine.signals()).isSameAs(hub);
        }
        assertThat(hub.isClosed()).isTrue();
    }
}
