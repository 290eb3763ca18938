package io.theus.benchmarks;

import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import io.theus.contract.ReturnMapping;
import io.theus.state.internal.PersistentMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Row 5: the cost of a commit as the change grows and as the state grows. The subject executes a process that sets
 * {@code changes} leaves {@code domain.items.kN} to new values and commits; the alternative applies the same new
 * values to the same persistent tree in a hand-written {@link AtomicReference} compare-and-set loop (one path copy of
 * {@code domain.items} per changed leaf, then one of the root). Successive operations write a sliding window over the
 * first 1 024 keys, so the written keys are the same at every state size and path texts stay in the engine's caches.
 *
 * <p>Not thread-safe (JMH state).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@ReportRow(id = "5a", title = "Commit cost vs state size (10 changed leaves)",
        workload = "a process sets 10 leaves of `domain.items` and commits, with `domain.items` holding `size`"
                + " entries",
        subject = "theusCommitByStateSize", alternative = "casByStateSize",
        alternativeName = "`AtomicReference<PersistentMap>` CAS loop applying the same 10 updates",
        targets = {"flatRatio(size) <= 1.5", "flat(size) <= 4"})
@ReportRow(id = "5b", title = "Commit cost vs change size (100 000 entries)",
        workload = "a process sets `changes` leaves of `domain.items` (100 000 entries) and commits",
        subject = "theusCommitByChangeSize", alternative = "casByChangeSize",
        alternativeName = "`AtomicReference<PersistentMap>` CAS loop applying the same updates",
        targets = "linear(changes) <= 1.5")
public class CommitBenchmark {
    /** Keys the written window slides over. */
    static final int WINDOW = 1_024;

    /**
     * An engine and a CAS-managed tree with the same content, and a process writing {@code changes} leaves.
     *
     * <p>Not thread-safe (JMH state).
     */
    abstract static class Fixture {
        TheusEngine engine;
        final AtomicReference<PersistentMap<String, Object>> atomic = new AtomicReference<>();
        String[] paths;
        String[] keys;
        int offset;
        int value;

        void build(int size, int changes) {
            Map<String, Object> items = new HashMap<>();
            for (int i = 0; i < size; i++) {
                items.put("k" + i, i);
            }
            paths = new String[WINDOW];
            keys = new String[WINDOW];
            for (int i = 0; i < WINDOW; i++) {
                keys[i] = "k" + i;
                paths[i] = "domain.items.k" + i;
            }
            engine = TheusEngine.builder().initialState(Map.of("domain", Map.of("items", items))).build();
            engine.register(ProcessSpec.builder("write").outputs("domain.items").returns(ReturnMapping.RESULT)
                    .body((ctx, args) -> {
                        int v = ++value;
                        int at = offset;
                        for (int i = 0; i < changes; i++) {
                            ctx.set(paths[(at + i) & (WINDOW - 1)], v);
                        }
                        offset = (at + changes) & (WINDOW - 1);
                        return null;
                    }).build());
            @SuppressWarnings("unchecked")
            PersistentMap<String, Object> tree = (PersistentMap<String, Object>) engine.state().toMap();
            atomic.set(tree);
        }

        Object theus() {
            return engine.execute("write");
        }

        Object cas(int changes) {
            int v = ++value;
            int at = offset;
            offset = (at + changes) & (WINDOW - 1);
            while (true) {
                PersistentMap<String, Object> current = atomic.get();
                @SuppressWarnings("unchecked")
                PersistentMap<String, Object> domain = (PersistentMap<String, Object>) current.get("domain");
                @SuppressWarnings("unchecked")
                PersistentMap<String, Object> items = (PersistentMap<String, Object>) domain.get("items");
                for (int i = 0; i < changes; i++) {
                    items = items.plus(keys[(at + i) & (WINDOW - 1)], v);
                }
                PersistentMap<String, Object> next = current.plus("domain", domain.plus("items", items));
                if (atomic.compareAndSet(current, next)) {
                    return next;
                }
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    /**
     * Varies the state size at 10 changed leaves.
     *
     * <p>Not thread-safe (JMH state).
     */
    @State(Scope.Benchmark)
    public static class ByStateSize extends Fixture {
        /** Entries under {@code domain.items}. */
        @Param({"1000", "100000", "1000000"})
        public int size;

        /** Builds the fixture. */
        @Setup(Level.Trial)
        public void setUp() {
            build(size, 10);
        }
    }

    /**
     * Varies the number of changed leaves at 100 000 entries.
     *
     * <p>Not thread-safe (JMH state).
     */
    @State(Scope.Benchmark)
    public static class ByChangeSize extends Fixture {
        /** Leaves written per commit. */
        @Param({"1", "10", "100"})
        public int changes;

        /** Builds the fixture. */
        @Setup(Level.Trial)
        public void setUp() {
            build(100_000, changes);
        }
    }

    /**
     * @param f the fixture
     * @return the process result
     */
    @Benchmark
    public Object theusCommitByStateSize(ByStateSize f) {
        return f.theus();
    }

    /**
     * @param f the fixture
     * @return the published tree
     */
    @Benchmark
    public Object casByStateSize(ByStateSize f) {
        return f.cas(10);
    }

    /**
     * @param f the fixture
     * @return the process result
     */
    @Benchmark
    public Object theusCommitByChangeSize(ByChangeSize f) {
        return f.theus();
    }

    /**
     * @param f the fixture
     * @return the published tree
     */
    @Benchmark
    public Object casByChangeSize(ByChangeSize f) {
        return f.cas(f.changes);
    }
}
