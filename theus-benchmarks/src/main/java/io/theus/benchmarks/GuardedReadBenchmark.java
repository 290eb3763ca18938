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
 * <p>The state holds {@value #KEYS} leaves {@code domain.k0 .. domain.k1023}. One invocation reads every leaf once,
 * in order, and hands each value to a {@link Blackhole}: on the guarded side through {@code ProcessContext.get} inside
 * one PURE process that declares {@code domain} as its input, on the plain side by the same two map lookups
 * ({@code tree.get("domain").get("kN")}) on the very tree the engine holds. Every read in an invocation is of a
 * different key and every value is consumed, so the JIT can neither hoist nor fold a read; the per-execution cost of
 * the process is spread over {@value #KEYS} reads (a few percent at most).
 *
 * <p>Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@ReportRow(id = "1", title = "Guarded read vs plain persistent-map read",
        workload = "read one of 1 024 declared leaves (`domain.kN`) through `ProcessContext.get` inside a PURE process;"
                + " time per read, amortised over 1 024 distinct reads per execution",
        subject = "guardedRead", alternative = "plainRead",
        alternativeName = "two `PersistentMap.get` calls on the same tree",
        targets = "ratio <= 3", reference = "75–219× slower than native")
public class GuardedReadBenchmark {
    /** Leaves in the state; reads per invocation. */
    public static final int KEYS = 1_024;

    private TheusEngine engine;
    private PersistentMap<String, Object> tree;
    private String[] paths;
    private String[] keys;
    private Blackhole sink;

    /** Builds the engine, its process and the key tables. */
    @Setup(Level.Trial)
    public void setUp() {
        Map<String, Object> domain = new LinkedHashMap<>();
        paths = new String[KEYS];
        keys = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "k" + i;
            paths[i] = "domain.k" + i;
            domain.put(keys[i], i);
        }
        engine = TheusEngine.builder().initialState(Map.of("domain", domain)).build();
        String[] p = paths;
        engine.register(ProcessSpec.builder("readAll").inputs("domain").semantic(Semantic.PURE)
                .returns(ReturnMapping.RESULT).body((ctx, args) -> {
                    Blackhole bh = sink;
                    for (String path : p) {
                        bh.consume(ctx.get(path));
                    }
                    return null;
                }).build());
        @SuppressWarnings("unchecked")
        PersistentMap<String, Object> t = (PersistentMap<String, Object>) engine.state().toMap();
        tree = t;
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /**
     * {@value #KEYS} guarded reads inside one process execution.
     *
     * @param bh receives every value read
     */
    @Benchmark
    @OperationsPerInvocation(KEYS)
    public void guardedRead(Blackhole bh) {
        sink = bh;
        engine.execute("readAll");
    }

    /**
     * {@value #KEYS} plain reads of the same leaves of the same persistent tree.
     *
     * @param bh receives every value read
     */
    @Benchmark
    @OperationsPerInvocation(KEYS)
    public void plainRead(Blackhole bh) {
        PersistentMap<String, Object> t = tree;
        for (String key : keys) {
            Map<?, ?> domain = (Map<?, ?>) t.get("domain");
            bh.consume(domain.get(key));
        }
    }
}
