package io.theus.benchmarks;

import clojure.lang.LockingTransaction;
import clojure.lang.Ref;
import io.theus.TheusEngine;
import io.theus.contract.ProcessContext;
import io.theus.contract.TheusProcess;
import io.theus.state.internal.PersistentMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import scala.concurrent.stm.japi.STM;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Row 2: a trivial process execution (one read, one write), uncontended, against three ways of doing the same update
 * on the same persistent tree: a hand-written {@link AtomicReference} compare-and-set loop, a ScalaSTM {@code Ref}
 * in an atomic block, and a Clojure {@code ref} in a {@code dosync} transaction. Every side reads
 * {@code domain.counter} from a snapshot of the tree, derives the tree with the counter plus one by path copying, and
 * publishes it atomically.
 *
 * <p>Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@ReportRow(id = "2a", title = "Trivial process execute vs hand-written CAS loop",
        workload = "`engine.execute(\"increment\")`: a `@TheusProcess` that reads `domain.counter` and returns it"
                + " plus one, mapped to the same path; one thread",
        subject = "theusExecute", alternative = "atomicReferenceCas",
        alternativeName = "`AtomicReference<PersistentMap>` compare-and-set loop doing the same path-copying update",
        targets = {"ratio <= 2", "time <= 1000"}, reference = "0.70 µs context overhead")
@ReportRow(id = "2b", title = "Trivial process execute vs ScalaSTM",
        workload = "as 2a", subject = "theusExecute", alternative = "scalaStm",
        alternativeName = "ScalaSTM 0.11 `Ref` holding the same tree, updated in `STM.atomic`")
@ReportRow(id = "2c", title = "Trivial process execute vs Clojure refs",
        workload = "as 2a", subject = "theusExecute", alternative = "clojureRef",
        alternativeName = "Clojure 1.12 `ref` holding the same tree, updated in a `dosync` transaction")
public class ExecuteBenchmark {
    private TheusEngine engine;
    private final AtomicReference<PersistentMap<String, Object>> atomic = new AtomicReference<>();
    private scala.concurrent.stm.Ref.View<PersistentMap<String, Object>> stmRef;
    private Ref clojureRef;

    /**
     * The trivial process: one read, one write.
     *
     * @param ctx the guarded context
     * @return the new counter value, mapped to {@code domain.counter}
     */
    @TheusProcess(inputs = "domain.counter", outputs = "domain.counter")
    public static int increment(ProcessContext ctx) {
        return ctx.getInt("domain.counter") + 1;
    }

    /** Builds the engine and the three alternatives on the same initial tree. */
    @Setup(Level.Trial)
    public void setUp() {
        engine = TheusEngine.builder().initialState(Map.of("domain", Map.of("counter", 0, "name", "bench"))).build();
        engine.register(ExecuteBenchmark.class);
        @SuppressWarnings("unchecked")
        PersistentMap<String, Object> tree = (PersistentMap<String, Object>) engine.state().toMap();
        atomic.set(tree);
        stmRef = STM.newRef(tree);
        clojureRef = new Ref(tree);
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /**
     * The subject: one process execution.
     *
     * @return the process result
     */
    @Benchmark
    public Object theusExecute() {
        return engine.execute("increment");
    }

    /**
     * The hand-written compare-and-set loop.
     *
     * @return the published tree
     */
    @Benchmark
    public Object atomicReferenceCas() {
        while (true) {
            PersistentMap<String, Object> current = atomic.get();
            PersistentMap<String, Object> next = incremented(current);
            if (atomic.compareAndSet(current, next)) {
                return next;
            }
        }
    }

    /**
     * ScalaSTM: the same update in an atomic block.
     *
     * @return the published tree
     */
    @Benchmark
    public Object scalaStm() {
        return STM.atomic(() -> {
            PersistentMap<String, Object> next = incremented(stmRef.get());
            stmRef.set(next);
            return next;
        });
    }

    /**
     * Clojure: the same update in a {@code dosync} transaction.
     *
     * @return the published tree
     * @throws Exception never in practice (the transaction body throws nothing)
     */
    @Benchmark
    public Object clojureRef() throws Exception {
        return LockingTransaction.runInTransaction(() -> {
            @SuppressWarnings("unchecked")
            PersistentMap<String, Object> next = incremented((PersistentMap<String, Object>) clojureRef.deref());
            return clojureRef.set(next);
        });
    }

    /**
     * Reads {@code domain.counter} and returns the tree with it incremented, by path copying.
     *
     * @param tree the current tree
     * @return the derived tree
     */
    static PersistentMap<String, Object> incremented(PersistentMap<String, Object> tree) {
        @SuppressWarnings("unchecked")
        PersistentMap<String, Object> domain = (PersistentMap<String, Object>) tree.get("domain");
        int counter = (Integer) domain.get("counter");
        return tree.plus("domain", domain.plus("counter", counter + 1));
    }
}
