package io.theus.benchmarks;

import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import io.theus.contract.ReturnMapping;
import io.theus.contract.Semantic;
import io.theus.state.internal.PersistentMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Map;

/**
 * Row 1: a guarded read of a declared path inside a process vs a plain read of the same persistent map. Both sides
 * read the same leaf of the same tree; the guarded side does it through a {@code ProcessContext} inside a PURE
 * process that reads the path {@link #READS} times per execution, so the per-execution overhead is amortised.
 */
@State(Scope.Benchmark)
public class GuardedReadBenchmark {
    /** Reads per execution on the guarded side. */
    public static final int READS = 1_000;

    private TheusEngine engine;
    private PersistentMap<String, Object> tree;

    /** Builds the engine and the plain tree. */
    @Setup(Level.Trial)
    public void setUp() {
        engine = TheusEngine.builder().initialState(Map.of("domain", Map.of("counter", 42, "name", "x"))).build();
        engine.register(ProcessSpec.builder("read").inputs("domain.counter").semantic(Semantic.PURE)
                .returns(ReturnMapping.RESULT).body((ctx, args) -> {
                    long sum = 0;
                    for (int i = 0; i < READS; i++) {
                        sum += (Integer) ctx.get("domain.counter");
                    }
                    return sum;
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
     * {@value #READS} guarded reads inside one process execution.
     *
     * @return the sum, so the reads are not eliminated
     */
    @Benchmark
    public Object guardedReads() {
        return engine.execute("read");
    }

    /**
     * {@value #READS} plain reads of the same leaf of the same persistent tree.
     *
     * @return the sum, so the reads are not eliminated
     */
    @Benchmark
    public long plainReads() {
        long sum = 0;
        for (int i = 0; i < READS; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> domain = (Map<String, Object>) tree.get("domain");
            sum += (Integer) domain.get("counter");
        }
        return sum;
    }
}
