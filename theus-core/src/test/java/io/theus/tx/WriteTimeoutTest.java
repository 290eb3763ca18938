package io.theus.tx;

import io.theus.TheusEngine;
import io.theus.WriteTimeoutException;
import io.theus.contract.ProcessSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteTimeoutTest {

    static final class ManualClock implements InstantSource {
        final AtomicLong millis = new AtomicLong(1_000_000);

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @Test
    void transactionOlderThanTheWriteTimeoutIsRefusedAtCommit() {
        ManualClock clock = new ManualClock();
        try (TheusEngine engine = TheusEngine.builder().clock(clock).writeTimeout(Duration.ofSeconds(1))
                .initialState(Map.of("domain", Map.of("a", 1))).build()) {
            engine.register(ProcessSpec.builder("slow").outputs("domain.a").body((ctx, args) -> {
                clock.millis.addAndGet(1_500);
                return 2;
            }).build());
            engine.register(ProcessSpec.builder("quick").outputs("domain.a").body((ctx, args) -> {
                clock.millis.addAndGet(500);
                return 3;
            }).build());
            assertThatThrownBy(() -> engine.execute("slow")).isInstanceOf(WriteTimeoutException.class)
                    .hasMessageContaining("1500 ms old, over the write timeout of 1000 ms");
            assertThat(engine.state().getInt("domain.a")).isEqualTo(1);
            engine.execute("quick");
            assertThat(engine.state().getInt("domain.a")).isEqualTo(3);
        }
    }

    @Test
    void processBlockedOnAnInterruptibleCallIsInterruptedAndRefused() {
        CountDownLatch never = new CountDownLatch(1);
        try (TheusEngine engine = TheusEngine.builder().writeTimeout(Duration.ofMillis(50))
                .initialState(Map.of("domain", Map.of("a", 1))).build()) {
            engine.register(ProcessSpec.builder("stuck").outputs("domain.a").body((ctx, args) -> {
                never.await();
                return 2;
            }).build());
            assertThatThrownBy(() -> engine.execute("stuck")).isInstanceOf(WriteTimeoutException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
            assertThat(engine.state().getInt("domain.a")).isEqualTo(1);
        }
    }
}
