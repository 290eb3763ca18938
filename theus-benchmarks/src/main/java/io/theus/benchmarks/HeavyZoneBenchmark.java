package io.theus.benchmarks;

import io.theus.TheusEngine;
import io.theus.contract.ProcessContext;
import io.theus.contract.TheusProcess;
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

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Row 6: a transaction that reads a large heavy-zone value and re-publishes it (a new {@link Blob} generation
 * referring to the same bytes). The heavy zone stores values by reference, so the bytes allocated per transaction
 * must not depend on the value's size: the report takes {@code gc.alloc.rate.norm} from JMH's GC profiler (thread
 * allocation counters), which the benchmark script always enables. The alternative does the same re-publication in
 * a hand-written compare-and-set loop on the same tree.
 *
 * <p>Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@ReportRow(id = "6", title = "Heavy zone: bytes allocated per transaction",
        workload = "a process reads `heavy.blob` (a record around a `bytes`-long `byte[]`) and returns a new"
                + " generation of it referring to the same array, mapped to `heavy.blob`",
        subject = "theusRepublish", alternative = "casRepublish",
        alternativeName = "`AtomicReference<PersistentMap>` CAS loop publishing the same new record",
        targets = {"alloc <= 16384", "flat(bytes) <= 2"}, reference = "0.01 MB delta")
public class HeavyZoneBenchmark {
    /** Size of the heavy value: 1 KiB and 100 MiB. */
    @Param({"1024", "104857600"})
    public int bytes;

    private TheusEngine engine;
    private final AtomicReference<PersistentMap<String, Object>> atomic = new AtomicReference<>();

    /**
     * A heavy value: a large array and a generation number. Stored by reference; never frozen or copied.
     *
     * @param data the bytes
     * @param generation how many times it was re-published
     */
    public record Blob(byte[] data, long generation) {
    }

    /**
     * Reads the heavy value and re-publishes it as a new generation.
     *
     * @param ctx the guarded context
     * @return the new generation, mapped to {@code heavy.blob}
     */
    @TheusProcess(inputs = "heavy.blob", outputs = "heavy.blob")
    public static Blob republish(ProcessContext ctx) {
        Blob b = (Blob) ctx.get("heavy.blob");
        return new Blob(b.data(), b.generation() + 1);
    }

    /** Builds the engine with the heavy value, and the alternative on the same tree. */
    @Setup(Level.Trial)
    public void setUp() {
        byte[] data = new byte[bytes];
        data[bytes - 1] = 1;
        engine = TheusEngine.builder().build();
        engine.edit(e -> e.set("heavy.blob", new Blob(data, 0)));
        engine.register(HeavyZoneBenchmark.class);
        @SuppressWarnings("unchecked")
        PersistentMap<String, Object> tree = (PersistentMap<String, Object>) engine.state().toMap();
        atomic.set(tree);
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /**
     * The subject: one process execution re-publishing the heavy value.
     *
     * @return the process result
     */
    @Benchmark
    public Object theusRepublish() {
        return engine.execute("republish");
    }

    /**
     * The alternative: the same re-publication by compare-and-set.
     *
     * @return the published tree
     */
    @Benchmark
    public Object casRepublish() {
        while (true) {
            PersistentMap<String, Object> current = atomic.get();
            @SuppressWarnings("unchecked")
            PersistentMap<String, Object> heavy = (PersistentMap<String, Object>) current.get("heavy");
            Blob b = (Blob) heavy.get("blob");
            PersistentMap<String, Object> next = current.plus("heavy",
                    heavy.plus("blob", new Blob(b.data(), b.generation() + 1)));
            if (atomic.compareAndSet(current, next)) {
                return next;
            }
        }
    }
}
