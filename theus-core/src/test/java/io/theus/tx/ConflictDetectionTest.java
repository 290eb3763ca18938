package io.theus.tx;

import io.theus.ConflictException;
import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import io.theus.contract.ReturnMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ConflictDetectionTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
    }

    private static TheusEngine engine(Isolation isolation, RetryPolicy policy) {
        return TheusEngine.builder().isolation(isolation).retryPolicy(policy).initialState(Map.of("domain", Map.of(
                "counter", 0, "other", 0, "user", Map.of("name", "Ann", "age", 30),
                "on_call", Map.of("alice", true, "bob", true)))).build();
    }

    private static final RetryPolicy PATIENT = new RetryPolicy(10, Duration.ZERO, Duration.ZERO, 100);

    /** A process that reads {@code read}, waits at the gate, then writes {@code write} = value. */
    private static void registerGated(TheusEngine engine, Gate gate, String read, String write, Object value) {
        engine.register(ProcessSpec.builder("gated").inputs(read).outputs(write).returns(ReturnMapping.RESULT)
                .body((ctx, args) -> {
                    ctx.get(read);
                    gate.pass();
                    ctx.set(write, value);
                    return null;
                }).build());
    }

    private static void registerSetter(TheusEngine engine, String path, Object value) {
        engine.register(ProcessSpec.builder("set " + path).outputs(path).body((ctx, args) -> value).build());
    }

    private Future<Object> runGated(TheusEngine engine) {
        return pool.submit(() -> engine.execute("gated"));
    }

    @Test
    void commitFailsAndRerunsWhenTheSameLeafChangedSinceTheSnapshot() throws Exception {
        try (TheusEngine engine = engine(Isolation.SNAPSHOT, PATIENT)) {
            Gate gate = new Gate();
            engine.register(ProcessSpec.builder("gated").outputs("domain.counter").body((ctx, args) -> {
                int seen = ctx.getInt("domain.counter");
                gate.pass();
                return seen + 1;
            }).build());
            registerSetter(engine, "domain.counter", 10);
            Future<Object> gated = runGated(engine);
            assertThat(gate.awaitEntered()).isEqualTo(1);
            engine.execute("set domain.counter");
            gate.open();
            assertThat(gate.awaitEntered()).isEqualTo(2);
            gate.open();
            gated.get(30, TimeUnit.SECONDS);
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(11);
            assertThat(gate.attempts()).isEqualTo(2);
        }
    }

    @Test
    void writesToSiblingLeavesDoNotConflictAndBothSurvive() throws Exception {
        try (TheusEngine engine = engine(Isolation.SNAPSHOT, PATIENT)) {
            Gate gate = new Gate();
            registerGated(engine, gate, "domain.counter", "domain.counter", 5);
            registerSetter(engine, "domain.other", 7);
            Future<Object> gated = runGated(engine);
            gate.awaitEntered();
            engine.execute("set domain.other");
            gate.open();
            gated.get(30, TimeUnit.SECONDS);
            assertThat(gate.attempts()).isEqualTo(1);
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(5);
            assertThat(engine.state().getInt("domain.other")).isEqualTo(7);
        }
    }

    @Test
    void writeUnderAPathThatWasReplacedConflicts() throws Exception {
        try (TheusEngine engine = engine(Isolation.SNAPSHOT, PATIENT)) {
            Gate gate = new Gate();
            registerGated(engine, gate, "domain.user", "domain.user.name", "Bea");
            registerSetter(engine, "domain.user", Map.of("name", "Cy"));
            Future<Object> gated = runGated(engine);
            gate.awaitEntered();
            engine.execute("set domain.user");
            gate.open();
            gate.awaitEntered();
            gate.open();
            gated.get(30, TimeUnit.SECONDS);
            assertThat(gate.attempts()).isEqualTo(2);
            assertThat(engine.state().getMap("domain.user")).isEqualTo(Map.of("name", "Bea"));
        }
    }

    @Test
    void replacingAPathWhoseDescendantChangedConflicts() throws Exception {
        try (TheusEngine engine = engine(Isolation.SNAPSHOT, PATIENT)) {
            Gate gate = new Gate();
            registerGated(engine, gate, "domain.user", "domain.user", Map.of("name", "Dee", "age", 1));
            registerSetter(engine, "domain.user.age", 31);
            Future<Object> gated = runGated(engine);
            gate.awaitEntered();
            engine.execute("set domain.user.age");
            gate.open();
            gate.awaitEntered();
            gate.open();
            gated.get(30, TimeUnit.SECONDS);
            assertThat(gate.attempts()).isEqualTo(2);
        }
    }

    /** Two doctors on call; each goes off call if the other is still on call. */
    private static void registerGoOffCall(TheusEngine engine, String name, String me, String other, Gate gate) {
        engine.register(ProcessSpec.builder(name).inputs("domain.on_call").outputs("domain.on_call." + me)
                .returns(ReturnMapping.RESULT).body((ctx, args) -> {
                    boolean otherOnCall = ctx.getBoolean("domain.on_call." + other);
                    if (gate != null) {
                        gate.pass();
                    }
                    if (otherOnCall) {
                        ctx.set("domain.on_call." + me, false);
                    }
                    return null;
                }).build());
    }

    /** Alice reads, Bob goes off call and commits, then Alice commits; returns Alice's attempts. */
    private int writeSkewScenario(TheusEngine engine) throws Exception {
        Gate gate = new Gate(1);
        registerGoOffCall(engine, "alice_off", "alice", "bob", gate);
        registerGoOffCall(engine, "bob_off", "bob", "alice", null);
        Future<Object> alice = pool.submit(() -> engine.execute("alice_off"));
        gate.awaitEntered();
        engine.execute("bob_off");
        assertThat(engine.state().getBoolean("domain.on_call.bob")).isFalse();
        gate.open();
        alice.get(30, TimeUnit.SECONDS);
        return gate.attempts();
    }

    @Test
    void snapshotIsolationAllowsWriteSkew() throws Exception {
        try (TheusEngine engine = engine(Isolation.SNAPSHOT, PATIENT)) {
            assertThat(writeSkewScenario(engine)).isEqualTo(1);
            assertThat(engine.state().getMap("domain.on_call")).isEqualTo(Map.of("alice", false, "bob", false));
        }
    }

    @Test
    void serializableIsolationCatchesWriteSkewThroughDeclaredInputs() throws Exception {
        try (TheusEngine engine = engine(Isolation.SERIALIZABLE, PATIENT)) {
            assertThat(writeSkewScenario(engine)).isEqualTo(2);
            assertThat(engine.state().getMap("domain.on_call")).isEqualTo(Map.of("alice", true, "bob", false));
        }
    }

    @Test
    void strictIsolationTreatsAnyInterveningCommitAsAConflict() throws Exception {
        try (TheusEngine engine = engine(Isolation.STRICT, PATIENT)) {
            Gate gate = new Gate();
            registerGated(engine, gate, "domain.counter", "domain.counter", 5);
            registerSetter(engine, "domain.other", 7);
            Future<Object> gated = runGated(engine);
            gate.awaitEntered();
            engine.execute("set domain.other");
            gate.open();
            gate.awaitEntered();
            gate.open();
            gated.get(30, TimeUnit.SECONDS);
            assertThat(gate.attempts()).isEqualTo(2);
        }
    }

    @Test
    void retriesAreBoundedAndExhaustionNamesProcessAndPaths() throws Exception {
        RetryPolicy three = new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 100);
        try (TheusEngine engine = engine(Isolation.SNAPSHOT, three)) {
            Gate gate = new Gate();
            registerGated(engine, gate, "domain.counter", "domain.counter", 5);
            registerSetter(engine, "domain.counter", 1);
            Future<Object> gated = runGated(engine);
            for (int i = 1; i <= 3; i++) {
                assertThat(gate.awaitEntered()).isEqualTo(i);
                engine.execute("set domain.counter");
                gate.open();
            }
            assertThatThrownBy(() -> gated.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ConflictException.class)
                    .cause().satisfies(e -> {
                        ConflictException c = (ConflictException) e;
                        assertThat(c.attempts()).isEqualTo(3);
                        assertThat(c.process()).contains("gated");
                        assertThat(c.conflictingPaths()).containsExactly("domain.counter");
                    }).hasMessageContaining("could not commit after 3 attempts");
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(1);
        }
    }

    @Test
    void processThatKeepsLosingGetsPriorityAndCannotStarve() throws Exception {
        RetryPolicy vipAfterOne = new RetryPolicy(5, Duration.ZERO, Duration.ZERO, 1);
        try (TheusEngine engine = engine(Isolation.SNAPSHOT, vipAfterOne)) {
            Gate gate = new Gate();
            engine.register(ProcessSpec.builder("gated").outputs("domain.counter").body((ctx, args) -> {
                int seen = ctx.getInt("domain.counter");
                gate.pass();
                return seen + 1;
            }).build());
            engine.register(ProcessSpec.builder("inc").outputs("domain.counter").body((ctx, args) ->
                    ctx.getInt("domain.counter") + 1).build());
            Future<Object> gated = runGated(engine);
            gate.awaitEntered();
            engine.execute("inc");
            gate.open();
            gate.awaitEntered(); // attempt 2 holds the priority ticket
            Thread competitor = new Thread(() -> engine.execute("inc"));
            competitor.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> competitor.getState() == Thread.State.WAITING);
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(1);
            gate.open();
            gated.get(30, TimeUnit.SECONDS);
            competitor.join(30_000);
            assertThat(gate.attempts()).isEqualTo(2);
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(3);
        }
    }
}
