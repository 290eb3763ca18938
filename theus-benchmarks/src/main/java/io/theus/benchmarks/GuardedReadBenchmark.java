package io.theus.benchmarks;

import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import io.theus.contract.ReturnMapping;
import io.theus.contract.Semantic;
import io.theus.state.internal.PersistentMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Row 1: a guarded read of a declared path inside a process vs a plain read of the same persistent map.
 *
 * <p>The state holds {@code leaves} leaves {@code domain.k0, domain.k1, ...}. One invocation makes {@value #READS}
 * reads, cycling through the leaves, and hands each value to a {@link Blackhole}: on the guarded side through
 * {@code ProcessContext.get} inside one PURE process that declares {@code domain} as its input, on the plain side by
 * the same two map lookups ({@code tree.get("domain").get("kN")}) on the very tree the engine holds. Both sides take
 * the keys of read {@code i} from arrays indexed by {@code i}, so no lookup is loop-invariant and the JIT can neither
 * hoist nor fold one; every value is consumed. The per-execution cost of the process is spread over
 * {@value #READS} reads (a few percent at most). With 16 leaves everything stays in the L1 cache and the row
 * measures instructions; with 1 024 leaves the lookups miss the L1 cache and the row also measures how well each side
 * overlaps those misses.
 *
 * <p>Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@ReportRow(id = "1", title = "Guarded read vs plain persistent-map read",
        workload = "read declared leaves `domain.kN` through `ProcessContext.get` inside a PURE process, cycling"
                + " through `leaves` leaves; time per read, amortised over 1 024 reads per execution",
        subject = "guardedRead", alternative = "plainRead",
        alternativeName = "two `PersistentMap.get` calls per read on the same tree, keys from the same arrays",
        targets = "ratio <= 3", reference = "75–219× slower than native")
public class GuardedReadBenchmark {
    /** Reads per invocation. */
    public static final int READS = 1_024;

    /** Distinct leaves in the state (a power of two, at most {@value #READS}). */
    @Param({"16", "1024"})
    public int leaves;

    private TheusEngine engine;
    private PersistentMap<String, Object> tree;
    private String[] paths;
    private String[] parents;
    private String[] keys;
    private Blackhole sink;

    /** Builds the engine, its process and the key tables. */
    @Setup(Level.Trial)
    public void setUp() {
        Map<String, Object> domain = new LinkedHashMap<>();
        for (int i = 0; i < leaves; i++) {
            domain.put("k" + i, i);
        }
        engine = TheusEngine.builder().initialState(Map.of("domain", domain)).build();
        @SuppressWarnings("unchecked")
        PersistentMap<String, Object> t = (PersistentMap<String, Object>) engine.state().toMap();
        tree = t;
        paths = new String[READS];
        parents = new String[READS];
        keys = new String[READS];
        for (int i = 0; i < READS; i++) {
            int leaf = i & (leaves - 1);
            paths[i] = ("domain.k" + leaf).intern(); // path texts in processes are literals
            parents[i] = "domain";
            keys[i] = ("k" + leaf).intern(); // the frozen tree's keys are interned; so are path segments
        }
        String[] p = paths;
        engine.register(ProcessSpec.builder("readAll").inputs("domain").semantic(Semantic.PURE)
                .returns(ReturnMapping.RESULT).body((ctx, args) -> {
                    Blackhole bh = sink;
                    for (String path : p) {
                        bh.consume(ctx.get(path));
                    }
                    return null;
                }).build());
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /**
     * {@value #READS} guarded reads inside one process execution.
     *
     * @param bh receives every value read
     */
    @Benchmark
    @OperationsPerInvocation(READS)
    public void guardedRead(Blackhole bh) {
        sink = bh;
        engine.execute("readAll");
    }

    /**
     * {@value #READS} plain reads of the same leaves of the same persistent tree.
     *
     * @param bh receives every value read
     */
    @Benchmark
    @OperationsPerInvocation(READS)
    public void plainRead(Blackhole bh) {
        PersistentMap<String, Object> t = tree;
        String[] ps = parents;
        String[] ks = keys;
        for (int i = 0; i < READS; i++) {
            Map<?, ?> parent = (Map<?, ?>) t.get(ps[i]);
            bh.consume(parent.get(ks[i]));
        }
    }
}
