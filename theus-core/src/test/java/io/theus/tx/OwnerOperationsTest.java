package io.theus.tx;

import io.theus.ConflictException;
import io.theus.TheusEngine;
import io.theus.VersionMismatchException;
import io.theus.contract.StateUpdate;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OwnerOperationsTest {

    private static TheusEngine engine(boolean strictCas) {
        return TheusEngine.builder().strictCas(strictCas)
                .initialState(Map.of("domain", Map.of("a", 1, "b", 1))).build();
    }

    @Test
    void explicitTransactionSeesItsOwnWritesAndCommitsAtomically() {
        try (TheusEngine engine = engine(true)) {
            long version;
            try (Transaction tx = engine.transaction()) {
                tx.set("domain.a", 2);
                assertThat(tx.getInt("domain.a")).isEqualTo(2);
                assertThat(engine.state().getInt("domain.a")).isEqualTo(1);
                tx.set("domain.b", 3);
                version = tx.commit();
                assertThat(tx.isOpen()).isFalse();
            }
            assertThat(version).isEqualTo(2);
            assertThat(engine.state().getInt("domain.a")).isEqualTo(2);
            assertThat(engine.state().getInt("domain.b")).isEqualTo(3);
        }
    }

    @Test
    void closingAnUncommittedTransactionRollsBack() {
        try (TheusEngine engine = engine(true)) {
            try (Transaction tx = engine.transaction()) {
                tx.set("domain.a", 99);
            }
            assertThat(engine.state().getInt("domain.a")).isEqualTo(1);
            assertThat(engine.state().version()).isEqualTo(1);
        }
    }

    @Test
    void explicitTransactionConflictIsReportedNotRetried() {
        try (TheusEngine engine = engine(true)) {
            Transaction tx = engine.transaction();
            tx.set("domain.a", tx.getInt("domain.a") + 1);
            engine.edit(e -> e.set("domain.a", 50));
            assertThatThrownBy(tx::commit).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("domain.a");
            assertThat(engine.state().getInt("domain.a")).isEqualTo(50);
            assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void strictCompareAndSwapFailsOnAnyInterveningCommit() {
        try (TheusEngine engine = engine(true)) {
            long v = engine.state().version();
            engine.edit(e -> e.set("domain.b", 2));
            assertThatThrownBy(() -> engine.compareAndSwap(v, StateUpdate.of(Map.of("domain.a", 5))))
                    .isInstanceOfSatisfying(VersionMismatchException.class, e -> {
                        assertThat(e.expected()).isEqualTo(1);
                        assertThat(e.actual()).isEqualTo(2);
                    });
            long next = engine.compareAndSwap(2, StateUpdate.of(Map.of("domain.a", 5)));
            assertThat(next).isEqualTo(3);
            assertThat(engine.state().getInt("domain.a")).isEqualTo(5);
        }
    }

    @Test
    void relaxedCompareAndSwapFailsOnlyWhenItsOwnPathsChanged() {
        try (TheusEngine engine = engine(false)) {
            long v = engine.state().version();
            engine.edit(e -> e.set("domain.b", 2));
            engine.compareAndSwap(v, StateUpdate.of(Map.of("domain.a", 5)));
            assertThat(engine.state().getInt("domain.a")).isEqualTo(5);
            assertThatThrownBy(() -> engine.compareAndSwap(v, StateUpdate.of(Map.of("domain.b", 9))))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("domain.b");
            assertThatThrownBy(() -> engine.compareAndSwap(99, StateUpdate.of(Map.of("domain.b", 9))))
                    .isInstanceOf(VersionMismatchException.class);
        }
    }

    @Test
    void editIsRetriedOnConflictAndReturnsTheNewVersion() {
        try (TheusEngine engine = engine(true)) {
            int[] runs = {0};
            long version = engine.edit(e -> {
                if (runs[0]++ == 0) {
                    try (Transaction racer = engine.transaction()) {
                        racer.set("domain.a", 10);
                        racer.commit();
                    }
                }
                e.set("domain.a", e.getInt("domain.a") + 1);
            });
            assertThat(runs[0]).isEqualTo(2);
            assertThat(version).isEqualTo(3);
            assertThat(engine.state().getInt("domain.a")).isEqualTo(11);
        }
    }
}
