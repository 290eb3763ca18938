package io.theus.audit;

import io.theus.ProcessFailedException;
import io.theus.TheusEngine;
import io.theus.audit.AuditEntry.Kind;
import io.theus.contract.ProcessSpec;
import io.theus.tx.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Counters, thresholds, warnings, reset on success and failure counting (SPEC §5 A3). */
class AuditThresholdTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private TheusEngine engine;

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        if (engine != null) {
            engine.close();
        }
    }

    /** {@code set(value)} writes {@code domain.value}; {@code fail()} always throws. */
    private TheusEngine engine(AuditRecipe recipe) {
        engine = TheusEngine.builder().audit(recipe).retryPolicy(new RetryPolicy(100, Duration.ZERO, Duration.ZERO,
                3)).initialState(Map.of("domain", Map.of("value", 0))).build();
        engine.register(ProcessSpec.builder("set").outputs("domain.value").param("value", long.class)
                .body((ctx, args) -> args.getLong("value")).build());
        engine.register(ProcessSpec.builder("fail").outputs("domain.value").body((ctx, args) -> {
            throw new IllegalStateException("sensor offline");
        }).build());
        return engine;
    }

    private static AuditRecipe.Builder valueAtMost10(AuditLevel level) {
        return AuditRecipe.builder().input("set", AuditRule.on("value").max(10).level(level));
    }

    private void set(long value) {
        engine.execute("set", Map.of("value", value));
    }

    @Test
    void thresholdOfOneBlocksTheFirstViolation() {
        engine(AuditRecipe.builder().input("set", AuditRule.on("value").max(10).level(AuditLevel.B).thresholdMax(1))
                .build());
        assertThatThrownBy(() -> set(11)).isInstanceOf(AuditBlockException.class);
        assertThat(engine.state().getLong("domain.value")).isZero();
    }

    @Test
    void afterABlockTheCounterStartsAgainFromZero() {
        engine(valueAtMost10(AuditLevel.B).thresholdMax(2).resetOnSuccess(false).build());
        set(11);
        assertThatThrownBy(() -> set(11)).isInstanceOf(AuditBlockException.class);
        assertThat(engine.audit().count("set:input:value")).isZero();
        set(11);
        assertThat(engine.audit().count("set:input:value")).isEqualTo(1);
        assertThatThrownBy(() -> set(11)).isInstanceOf(AuditBlockException.class);
        assertThat(engine.audit().entries(e -> e.kind() == Kind.BLOCK)).hasSize(2);
    }

    @Test
    void warningIsLoggedOnceWhenTheCountReachesThresholdMin() {
        engine(valueAtMost10(AuditLevel.C).thresholdMin(2).resetOnSuccess(false).build());
        set(11);
        assertThat(engine.audit().entries(e -> e.kind() == Kind.WARNING)).isEmpty();
        set(11);
        set(11);
        assertThat(engine.audit().entries(e -> e.kind() == Kind.WARNING)).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("'set:input:value' reached threshold_min 2"));
    }

    @Test
    void thresholdMinOfZeroNeverWarns() {
        engine(valueAtMost10(AuditLevel.C).resetOnSuccess(false).build());
        for (int i = 0; i < 4; i++) {
            set(11);
        }
        assertThat(engine.audit().entries(e -> e.kind() == Kind.WARNING)).isEmpty();
    }

    @Test
    void resetOnSuccessClearsTheProcessCountersAfterACleanSuccess() {
        engine(valueAtMost10(AuditLevel.B).thresholdMax(2).resetOnSuccess(true).build());
        set(11);
        assertThat(engine.audit().count("set:input:value")).isEqualTo(1);
        set(5);
        assertThat(engine.audit().count("set:input:value")).isZero();
        set(11);
        assertThat(engine.audit().count("set:input:value")).isEqualTo(1);
    }

    @Test
    void withoutResetOnSuccessCountersSurviveSuccesses() {
        engine(valueAtMost10(AuditLevel.B).thresholdMax(2).resetOnSuccess(false).build());
        set(11);
        set(5);
        assertThat(engine.audit().count("set:input:value")).isEqualTo(1);
        assertThatThrownBy(() -> set(11)).isInstanceOf(AuditBlockException.class);
    }

    @Test
    void aSuccessThatWasItselfCountedDoesNotResetCounters() {
        engine(valueAtMost10(AuditLevel.B).thresholdMax(3).resetOnSuccess(true).build());
        set(11);
        set(12);
        assertThat(engine.audit().count("set:input:value")).isEqualTo(2);
        assertThatThrownBy(() -> set(13)).isInstanceOf(AuditBlockException.class);
    }

    @Test
    void resetCountersClearsEveryCounter() {
        engine(valueAtMost10(AuditLevel.C).build());
        set(11);
        engine.audit().resetCounters();
        assertThat(engine.audit().counters()).isEmpty();
    }

    @Test
    void processBodyExceptionsCountAsFailuresOfTheProcess() {
        engine(AuditRecipe.builder().level(AuditLevel.C).build());
        assertThatThrownBy(() -> engine.execute("fail")).isInstanceOf(ProcessFailedException.class);
        assertThatThrownBy(() -> engine.execute("fail")).isInstanceOf(ProcessFailedException.class);
        assertThat(engine.audit().count("fail:failure")).isEqualTo(2);
        assertThat(engine.audit().entriesOf("fail")).extracting(AuditEntry::kind)
                .containsExactly(Kind.FAILURE, Kind.FAILURE);
        assertThat(engine.audit().entriesOf("fail").get(0).message()).contains("sensor offline");
    }

    @Test
    void aCleanSuccessResetsTheFailureCounter() {
        engine(AuditRecipe.builder().level(AuditLevel.C).build());
        engine.register(ProcessSpec.builder("flaky").outputs("domain.flaky").param("ok", boolean.class)
                .body((ctx, args) -> {
                    if (!args.<Boolean>get("ok")) {
                        throw new IllegalStateException("not ok");
                    }
                    return 1;
                }).build());
        assertThatThrownBy(() -> engine.execute("flaky", Map.of("ok", false))).isInstanceOf(RuntimeException.class);
        assertThat(engine.audit().count("flaky:failure")).isEqualTo(1);
        engine.execute("flaky", Map.of("ok", true));
        assertThat(engine.audit().count("flaky:failure")).isZero();
    }

    @Test
    void failuresReachingThresholdMaxAtLevelStopTripTheInterlock() {
        engine(AuditRecipe.builder().level(AuditLevel.S).thresholdMax(2).build());
        assertThatThrownBy(() -> engine.execute("fail")).isInstanceOf(ProcessFailedException.class);
        assertThat(engine.audit().interlocked()).isFalse();
        assertThatThrownBy(() -> engine.execute("fail")).isInstanceOf(ProcessFailedException.class);
        assertThat(engine.audit().interlocked()).isTrue();
        assertThat(engine.audit().interlockCause()).get().satisfies(e ->
                assertThat(e.message()).contains("2 failure(s) of process 'fail' reached threshold_max 2"));
        assertThatThrownBy(() -> set(1)).isInstanceOf(AuditInterlockException.class);
    }

    @Test
    void failuresReachingThresholdMaxAtLevelBlockLogABlockAndResetTheCounter() {
        engine(AuditRecipe.builder().level(AuditLevel.B).thresholdMax(2).build());
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> engine.execute("fail")).isInstanceOf(ProcessFailedException.class);
        }
        assertThat(engine.audit().entries(e -> e.kind() == Kind.BLOCK)).singleElement()
                .satisfies(e -> assertThat(e.key()).isEqualTo("fail:failure"));
        assertThat(engine.audit().count("fail:failure")).isZero();
        assertThat(engine.audit().interlocked()).isFalse();
    }

    @Test
    void aConflictRetryIsCountedOnce() throws Exception {
        engine(AuditRecipe.builder().resetOnSuccess(false)
                .output("bump", AuditRule.on("domain.value").max(10).level(AuditLevel.C)).build());
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        engine.register(ProcessSpec.builder("bump").outputs("domain.value").body((ctx, args) -> {
            long seen = ctx.getLong("domain.value");
            if (attempts.incrementAndGet() == 1) {
                inside.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
            return seen + 100;
        }).build());
        Future<Object> bump = pool.submit(() -> engine.execute("bump"));
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        set(1);
        release.countDown();
        bump.get(30, TimeUnit.SECONDS);
        assertThat(attempts).hasValue(2);
        assertThat(engine.state().getLong("domain.value")).isEqualTo(101);
        assertThat(engine.audit().count("bump:output:domain.value")).isEqualTo(1);
        assertThat(engine.audit().entries(e -> e.kind() == Kind.VIOLATION)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("Long 101"));
    }

    @Test
    void concurrentViolationsAreCountedExactly() throws Exception {
        engine(valueAtMost10(AuditLevel.C).resetOnSuccess(false).build());
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    set(11 + i);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertThat(engine.audit().count("set:input:value")).isEqualTo(100);
    }
}
