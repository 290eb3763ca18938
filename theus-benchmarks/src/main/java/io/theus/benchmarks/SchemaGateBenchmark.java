package io.theus.benchmarks;

import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import io.theus.contract.ReturnMapping;
import io.theus.schema.FieldSpec;
import io.theus.schema.FieldType;
import io.theus.schema.Schema;
import io.theus.schema.internal.SchemaGate;
import io.theus.state.Path;
import io.theus.tx.Change;
import io.theus.tx.CommitCandidate;
import io.theus.tx.CommitKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Row 7: the schema gate's cost per changed field. {@code gate} runs the gate alone on a commit of {@value #FIELDS}
 * changed integer fields (each with a type and a min/max spec) in a schema of 64 fields over a state of 10 000
 * entries; scores are per changed field. {@code executeWithSchema} and
 * {@code executeWithoutSchema} run the same process (writing {@value #FIELDS} fields) on engines with and without the
 * schema, for the end-to-end difference.
 */
@ReportRow(id = "7a", title = "Schema gate alone, per changed field",
        workload = "the gate on a commit of 8 changed integer fields (type, min, max, required) in a 64-field schema"
                + " over 10 000 more entries; time per changed field",
        subject = "gate", targets = "time <= 500", reference = "~8 µs per write")
@ReportRow(id = "7b", title = "Process execute with schema vs without, per changed field",
        workload = "a process writing 8 fields, on engines with and without the schema; time per changed field",
        subject = "executeWithSchema", alternative = "executeWithoutSchema",
        alternativeName = "the same process on an engine without a schema")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SchemaGateBenchmark {
    /** Changed fields per commit; scores are per field ({@code OperationsPerInvocation}). */
    public static final int FIELDS = 8;

    private final int fields = FIELDS;

    private SchemaGate gate;
    private CommitCandidate candidate;
    private TheusEngine withSchema;
    private TheusEngine withoutSchema;
    private long counter;

    /** Builds the schema, the candidate and both engines. */
    @Setup(Level.Trial)
    public void setUp() {
        Schema.Builder b = Schema.builder();
        for (int i = 0; i < 64; i++) {
            b.field("domain.f" + i, FieldSpec.of(FieldType.INTEGER).min(0).max(1_000_000).required(true));
        }
        Schema schema = b.build();
        gate = new SchemaGate(schema, Set.of());
        Map<String, Object> domain = new HashMap<>();
        for (int i = 0; i < 64; i++) {
            domain.put("f" + i, i);
        }
        Map<String, Object> bulk = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            bulk.put("k" + i, i);
        }
        domain.put("bulk", bulk);
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < fields; i++) {
            changes.add(new Change(Path.of("domain.f" + i), 1_000 + i, i));
        }
        candidate = new CommitCandidate(CommitKind.PROCESS, "write", Map.of(), 1, 1, changes, List.of(),
                path -> null);
        withSchema = engine(TheusEngine.builder().schema(schema), domain);
        withoutSchema = engine(TheusEngine.builder(), domain);
    }

    private TheusEngine engine(io.theus.TheusEngineBuilder builder, Map<String, Object> domain) {
        TheusEngine engine = builder.initialState(Map.of("domain", domain)).build();
        String[] outputs = new String[fields];
        for (int i = 0; i < fields; i++) {
            outputs[i] = "domain.f" + i;
        }
        int n = fields;
        engine.register(ProcessSpec.builder("write").outputs(outputs).param("v", long.class)
                .returns(ReturnMapping.RESULT).body((ctx, args) -> {
                    long v = args.getLong("v");
                    for (int i = 0; i < n; i++) {
                        ctx.set(outputs[i], v + i);
                    }
                    return null;
                }).build());
        return engine;
    }

    /** Closes the engines. */
    @TearDown(Level.Trial)
    public void tearDown() {
        withSchema.close();
        withoutSchema.close();
    }

    /**
     * The gate alone on a commit of {@link #fields} changes.
     *
     * @return the candidate, so the call is not eliminated
     */
    @Benchmark
    @OperationsPerInvocation(FIELDS)
    public Object gate() {
        gate.beforeCommit(candidate);
        return candidate;
    }

    /**
     * A process writing {@link #fields} fields on an engine with the schema.
     *
     * @return the result
     */
    @Benchmark
    @OperationsPerInvocation(FIELDS)
    public Object executeWithSchema() {
        return withSchema.execute("write", Map.of("v", (counter++ & 0xffff)));
    }

    /**
     * The same process on an engine without a schema.
     *
     * @return the result
     */
    @Benchmark
    @OperationsPerInvocation(FIELDS)
    public Object executeWithoutSchema() {
        return withoutSchema.execute("write", Map.of("v", (counter++ & 0xffff)));
    }
}
