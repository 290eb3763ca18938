package io.theus.benchmarks;

import io.theus.TheusEngine;
import io.theus.state.StateSnapshot;
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

/**
 * Row 4: the cost of a snapshot as the state grows. The subject takes {@code engine.state()} — the committed version,
 * which never changes — and reads one leaf from it; the alternative is what a lock-and-copy design pays for an
 * isolated view of the same data: a {@link HashMap} copy of the {@code size} entries, then the same read.
 *
 * <p>Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@ReportRow(id = "4", title = "Snapshot cost vs state size",
        workload = "`engine.state()` then one read (`domain.counter`) with `domain.items` holding `size` entries",
        subject = "theusSnapshot", alternative = "hashMapCopy",
        alternativeName = "`new HashMap<>(items)` of the same entries, then the same read (copy-on-read snapshot)",
        targets = "flat(size) <= 2", reference = "O(1) required")
public class SnapshotBenchmark {
    /** Entries under {@code domain.items}. */
    @Param({"1000", "100000", "1000000"})
    public int size;

    private TheusEngine engine;
    private Map<String, Object> plain;

    /** Builds an engine and a plain map with {@link #size} entries each. */
    @Setup(Level.Trial)
    public void setUp() {
        plain = new HashMap<>();
        for (int i = 0; i < size; i++) {
            plain.put("k" + i, i);
        }
        plain.put("counter", 7);
        engine = TheusEngine.builder().initialState(Map.of("domain", Map.of("counter", 7, "items", plain))).build();
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /**
     * The subject: an O(1) snapshot and one read from it.
     *
     * @return the value read
     */
    @Benchmark
    public Object theusSnapshot() {
        StateSnapshot snapshot = engine.state();
        return snapshot.get("domain.counter");
    }

    /**
     * The alternative: copy, then read.
     *
     * @return the value read
     */
    @Benchmark
    public Object hashMapCopy() {
        Map<String, Object> copy = new HashMap<>(plain);
        return copy.get("counter");
    }
}
