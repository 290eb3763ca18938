package io.theus.audit;

import io.theus.TheusEngine;
import io.theus.audit.AuditEntry.Kind;
import io.theus.contract.ProcessSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each level does (SPEC §5 A3), on a process {@code set(value)} that writes {@code domain.value}. */
class AuditLevelsTest {
    private final AtomicInteger bodyRuns = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private TheusEngine engine;

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        if (engine != null) {
            engine.close();
        }
    }

    private TheusEngine engine(AuditRecipe recipe) {
        engine = TheusEngine.builder().audit(recipe).initialState(Map.of("domain", Map.of("value", 0))).build();
        engine.register(ProcessSpec.builder("set").outputs("domain.value").param("value", long.class)
                .body((ctx, args) -> {
                    bodyRuns.incrementAndGet();
                    return args.getLong("value");
                }).build());
        engine.register(ProcessSpec.builder("other").outputs("domain.other").body((ctx, args) -> 1).build());
        return engine;
    }

    private static AuditRecipe inputRule(AuditLevel level) {
        return AuditRecipe.builder().input("set", AuditRule.on("value").max(10).level(level)).build();
    }

    private long version() {
        return engine.state().version();
    }

    @Test
    void levelStopRaisesAndTripsTheInterlockThatRefusesEveryProcessUntilReset() {
        engine(inputRule(AuditLevel.S));
        assertThatThrownBy(() -> engine.execute("set", Map.of("value", 11)))
                .isInstanceOf(AuditStopException.class).hasMessageContaining("value' = Long 11 violates max 10");
        long version = version();
        assertThat(engine.audit().interlocked()).isTrue();
        assertThat(engine.audit().interlockCause()).get().extracting(AuditEntry::key).isEqualTo("set:input:value");

        assertThatThrownBy(() -> engine.execute("set", Map.of("value", 1)))
                .isInstanceOf(AuditInterlockException.class).hasMessageContaining("process 'set' is refused");
        assertThatThrownBy(() -> engine.execute("other")).isInstanceOf(AuditInterlockException.class);
        assertThat(bodyRuns).hasValue(0);
        assertThat(version()).isEqualTo(version);

        engine.audit().resetInterlock("checked by the operator");
        assertThat(engine.audit().interlocked()).isFalse();
        engine.execute("set", Map.of("value", 1));
        assertThat(engine.state().getLong("domain.value")).isEqualTo(1);
        assertThat(engine.audit().entries()).extracting(AuditEntry::kind)
                .containsSubsequence(Kind.VIOLATION, Kind.INTERLOCK, Kind.INTERLOCK_RESET, Kind.SUCCESS);
    }

    @Test
    void theInterlockLeavesOwnerEditsAvailableForRepair() {
        engine(inputRule(AuditLevel.S));
        assertThatThrownBy(() -> engine.execute("set", Map.of("value", 11))).isInstanceOf(AuditStopException.class);
        engine.edit(e -> e.set("domain.value", 5));
        assertThat(engine.state().getLong("domain.value")).isEqualTo(5);
        assertThat(engine.audit().interlocked()).isTrue();
    }

    @Test
    void anExecutionInFlightWhenTheInterlockTripsCannotCommit() throws Exception {
        engine(inputRule(AuditLevel.S));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        engine.register(ProcessSpec.builder("slow").outputs("domain.slow").body((ctx, args) -> {
            inside.countDown();
            release.await(30, TimeUnit.SECONDS);
            return 1;
        }).build());
        Future<Object> slow = pool.submit(() -> engine.execute("slow"));
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> engine.execute("set", Map.of("value", 11))).isInstanceOf(AuditStopException.class);
        long version = version();
        release.countDown();
        assertThatThrownBy(() -> slow.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(AuditInterlockException.class);
        assertThat(version()).isEqualTo(version);
        assertThat(engine.state().get("domain.slow")).isNull();
    }

    @Test
    void levelAbortRaisesWithoutTrippingTheInterlock() {
        engine(inputRule(AuditLevel.A));
        assertThatThrownBy(() -> engine.execute("set", Map.of("value", 11)))
                .isInstanceOfSatisfying(AuditAbortException.class,
                        e -> assertThat(e.level()).isEqualTo(AuditLevel.A))
                .hasMessageContaining("aborted");
        assertThat(engine.audit().interlocked()).isFalse();
        assertThat(bodyRuns).hasValue(0);
        engine.execute("set", Map.of("value", 3));
        assertThat(engine.state().getLong("domain.value")).isEqualTo(3);
    }

    @Test
    void levelBlockCommitsBelowTheThresholdAndBlocksWhenTheCountReachesIt() {
        engine(AuditRecipe.builder().resetOnSuccess(false)
                .input("set", AuditRule.on("value").max(10).level(AuditLevel.B).thresholdMax(3)).build());
        engine.execute("set", Map.of("value", 11));
        engine.execute("set", Map.of("value", 12));
        assertThat(engine.state().getLong("domain.value")).isEqualTo(12);
        assertThat(engine.audit().count("set:input:value")).isEqualTo(2);
        long version = version();

        assertThatThrownBy(() -> engine.execute("set", Map.of("value", 13)))
                .isInstanceOf(AuditBlockException.class).hasMessageContaining("count 3 of threshold_max 3");
        assertThat(version()).isEqualTo(version);
        assertThat(engine.audit().count("set:input:value")).isZero();
        assertThat(engine.audit().interlocked()).isFalse();
    }

    @Test
    void levelCountLogsAndCountsButCommits() {
        engine(inputRule(AuditLevel.C));
        for (int i = 0; i < 5; i++) {
            engine.execute("set", Map.of("value", 20 + i));
        }
        assertThat(engine.state().getLong("domain.value")).isEqualTo(24);
        assertThat(engine.audit().count("set:input:value")).isEqualTo(5);
        assertThat(engine.audit().entries(e -> e.kind() == Kind.VIOLATION)).hasSize(5)
                .allSatisfy(e -> assertThat(e.level()).isEqualTo(AuditLevel.C));
    }

    @Test
    void levelInfoLogsWithoutCounting() {
        engine(inputRule(AuditLevel.I));
        engine.execute("set", Map.of("value", 20));
        engine.execute("set", Map.of("value", 21));
        assertThat(engine.audit().counters()).isEmpty();
        assertThat(engine.audit().entries(e -> e.kind() == Kind.VIOLATION)).hasSize(2)
                .allSatisfy(e -> assertThat(e.level()).isEqualTo(AuditLevel.I));
    }

    @Test
    void ruleWithoutALevelTakesTheLevelOfTheAuditBlock() {
        engine(AuditRecipe.builder().level(AuditLevel.A).input("set", AuditRule.on("value").max(10)).build());
        assertThatThrownBy(() -> engine.execute("set", Map.of("value", 11))).isInstanceOf(AuditAbortException.class);
    }

    @Test
    void levelBWithoutItsOwnThresholdUsesTheAuditBlockThreshold() {
        engine(AuditRecipe.builder().thresholdMax(2).resetOnSuccess(false)
                .input("set", AuditRule.on("value").max(10).level(AuditLevel.B)).build());
        engine.execute("set", Map.of("value", 11));
        assertThatThrownBy(() -> engine.execute("set", Map.of("value", 11))).isInstanceOf(AuditBlockException.class);
    }
}
