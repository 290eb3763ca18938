package io.theus.tx;

import io.theus.TheusEngine;
import io.theus.TheusException;
import io.theus.contract.ProcessSpec;
import io.theus.state.StateSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterceptorTest {

    static final class Recorder implements TransactionInterceptor {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void beforeBody(Invocation invocation) {
            events.add("body " + invocation.process() + " " + invocation.args() + " #" + invocation.attempt());
        }

        @Override
        public void beforeCommit(CommitCandidate c) {
            events.add("commit? " + c.kind() + " " + c.changes().stream()
                    .map(ch -> ch.path() + "=" + ch.value()).toList() + " pending a=" + c.pending().get("domain.a"));
        }

        @Override
        public void afterCommit(CommitCandidate c, StateSnapshot committed) {
            events.add("committed v" + committed.version());
        }

        @Override
        public void afterFailure(Invocation invocation, Throwable error) {
            events.add("failed " + invocation.process() + ": " + error.getClass().getSimpleName());
        }
    }

    @Test
    void interceptorsSeeTheLifecycleWithMinimalChangesAndPendingState() {
        Recorder recorder = new Recorder();
        try (TheusEngine engine = TheusEngine.builder().interceptor(recorder)
                .initialState(Map.of("domain", Map.of("a", 1))).build()) {
            engine.register(ProcessSpec.builder("set").outputs("domain.a").param("v", int.class)
                    .body((ctx, args) -> args.getInt("v")).build());
            engine.execute("set", Map.of("v", 2));
            assertThat(recorder.events).containsExactly(
                    "commit? INITIAL [domain={a=1}] pending a=1",
                    "committed v1",
                    "body set {v=2} #1",
                    "commit? PROCESS [domain.a=2] pending a=2",
                    "committed v2");
        }
    }

    @Test
    void rejectionBeforeCommitLeavesNoTraceAndIsReportedAsFailure() {
        Recorder recorder = new Recorder();
        TransactionInterceptor gate = new TransactionInterceptor() {
            @Override
            public void beforeCommit(CommitCandidate c) {
                if (c.kind() == CommitKind.PROCESS && c.pending().getInt("domain.a") < 0) {
                    throw new TheusException("a must not be negative");
                }
            }
        };
        try (TheusEngine engine = TheusEngine.builder().interceptor(gate).interceptor(recorder)
                .initialState(Map.of("domain", Map.of("a", 1))).build()) {
            engine.register(ProcessSpec.builder("set").outputs("domain.a").param("v", int.class)
                    .body((ctx, args) -> args.getInt("v")).build());
            assertThatThrownBy(() -> engine.execute("set", Map.of("v", -1))).hasMessage("a must not be negative");
            assertThat(engine.state().version()).isEqualTo(1);
            assertThat(recorder.events).last().isEqualTo("failed set: TheusException");
        }
    }

    @Test
    void failingAfterCommitInterceptorNeverBreaksTheEngine() {
        TransactionInterceptor broken = new TransactionInterceptor() {
            @Override
            public void afterCommit(CommitCandidate c, StateSnapshot committed) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (TheusEngine engine = TheusEngine.builder().interceptor(broken)
                .initialState(Map.of("domain", Map.of("a", 1))).build()) {
            engine.edit(e -> e.set("domain.a", 2));
            assertThat(engine.state().getInt("domain.a")).isEqualTo(2);
        }
    }
}
