package io.theus.benchmarks;

import io.theus.ConflictException;
import io.theus.TheusEngine;
import io.theus.contract.ProcessContext;
import io.theus.contract.TheusProcess;
import io.theus.state.internal.PersistentMap;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Row 3: a contended counter. N threads (1, 2, 4, 8) increment {@code domain.counter} as fast as they can, through
 * a process (subject) or through a hand-written {@link AtomicReference} compare-and-set loop on the same persistent
 * tree (alternative). Throughput is reported per thread count, with the retries per operation (process bodies run
 * again after a conflict; CAS attempts that lost) as a secondary metric.
 *
 * <p>Correctness is asserted after every iteration, warm-up included: the counter must equal the number of
 * executions that returned normally, exactly. A mismatch throws and fails the run (JMH then reports no score).
 *
 * <p>Thread-safe where JMH shares it: the benchmark state is read-only apart from atomic counters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@ReportRow(id = "3", title = "Contended counter, 1–8 threads",
        workload = "N threads each execute the `increment` process (`domain.counter` + 1) in a loop; the counter is"
                + " checked against the number of successful executions after every iteration",
        subject = "theus", alternative = "atomicReferenceCas",
        alternativeName = "`AtomicReference<PersistentMap>` compare-and-set loop on the same tree",
        targets = "exact", extras = {"retries", "exhausted"}, reference = "not stated")
public class ContendedCounterBenchmark {
    private static final ThreadLocal<long[]> BODY_RUNS = ThreadLocal.withInitial(() -> new long[1]);

    private TheusEngine engine;
    private final AtomicReference<PersistentMap<String, Object>> atomic = new AtomicReference<>();
    private final LongAdder theusCommitted = new LongAdder();
    private final LongAdder casCommitted = new LongAdder();
    private int theusBase;
    private int casBase;

    /**
     * Per-thread counters JMH reports as secondary metrics, in operations per microsecond like the primary score.
     *
     * <p>Not thread-safe (one instance per benchmark thread).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** Attempts beyond the first: process bodies re-run after a conflict, or CAS attempts that lost. */
        public long retries;
        /** Executions that gave up with a {@link ConflictException} after the last attempt. */
        public long exhausted;
        long[] bodyRuns;

        /** Resets the counters for the coming iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            retries = 0;
            exhausted = 0;
            bodyRuns = BODY_RUNS.get();
            bodyRuns[0] = 0;
        }
    }

    /**
     * The process: one read, one write; counts its runs on the calling thread.
     *
     * @param ctx the guarded context
     * @return the counter plus one, mapped to {@code domain.counter}
     */
    @TheusProcess(inputs = "domain.counter", outputs = "domain.counter")
    public static int increment(ProcessContext ctx) {
        BODY_RUNS.get()[0]++;
        return ctx.getInt("domain.counter") + 1;
    }

    /** Builds the engine and the alternative on the same initial tree. */
    @Setup(Level.Trial)
    public void setUp() {
        engine = TheusEngine.builder().initialState(Map.of("domain", Map.of("counter", 0))).build();
        engine.register(ContendedCounterBenchmark.class);
        @SuppressWarnings("unchecked")
        PersistentMap<String, Object> tree = (PersistentMap<String, Object>) engine.state().toMap();
        atomic.set(tree);
    }

    /** Asserts the exact totals after every iteration. */
    @TearDown(Level.Iteration)
    public void checkTotals() {
        long theus = engine.state().getInt("domain.counter") - (long) theusBase;
        if (theus != theusCommitted.sum()) {
            throw new IllegalStateException("lost update: the Theus counter is " + theus + " but "
                    + theusCommitted.sum() + " executions committed");
        }
        long cas = counterOf(atomic.get()) - (long) casBase;
        if (cas != casCommitted.sum()) {
            throw new IllegalStateException("lost update: the CAS counter is " + cas + " but " + casCommitted.sum()
                    + " updates committed");
        }
        theusBase = engine.state().getInt("domain.counter");
        casBase = counterOf(atomic.get());
        theusCommitted.reset();
        casCommitted.reset();
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    private void theusIncrement(Counters c) {
        try {
            engine.execute("increment");
            theusCommitted.increment();
        } catch (ConflictException e) {
            c.exhausted++;
        }
        c.retries += c.bodyRuns[0] - 1;
        c.bodyRuns[0] = 0;
    }

    private void casIncrement(Counters c) {
        while (true) {
            PersistentMap<String, Object> current = atomic.get();
            PersistentMap<String, Object> next = ExecuteBenchmark.incremented(current);
            if (atomic.compareAndSet(current, next)) {
                casCommitted.increment();
                return;
            }
            c.retries++;
        }
    }

    private static int counterOf(PersistentMap<String, Object> tree) {
        return (Integer) ((Map<?, ?>) tree.get("domain")).get("counter");
    }

    /** @param c counters */
    @Benchmark
    @Threads(1)
    public void theus_1(Counters c) {
        theusIncrement(c);
    }

    /** @param c counters */
    @Benchmark
    @Threads(2)
    public void theus_2(Counters c) {
        theusIncrement(c);
    }

    /** @param c counters */
    @Benchmark
    @Threads(4)
    public void theus_4(Counters c) {
        theusIncrement(c);
    }

    /** @param c counters */
    @Benchmark
    @Threads(8)
    public void theus_8(Counters c) {
        theusIncrement(c);
    }

    /** @param c counters */
    @Benchmark
    @Threads(1)
    public void atomicReferenceCas_1(Counters c) {
        casIncrement(c);
    }

    /** @param c counters */
    @Benchmark
    @Threads(2)
    public void atomicReferenceCas_2(Counters c) {
        casIncrement(c);
    }

    /** @param c counters */
    @Benchmark
    @Threads(4)
    public void atomicReferenceCas_4(Counters c) {
        casIncrement(c);
    }

    /** @param c counters */
    @Benchmark
    @Threads(8)
    public void atomicReferenceCas_8(Counters c) {
        casIncrement(c);
    }
}
