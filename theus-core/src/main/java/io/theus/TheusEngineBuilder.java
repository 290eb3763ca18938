package io.theus;

import io.theus.audit.AuditRecipe;
import io.theus.audit.internal.AuditInterceptor;
import io.theus.audit.internal.EngineAudit;
import io.theus.internal.EffectSettings;
import io.theus.internal.EngineCore;
import io.theus.internal.EngineSettings;
import io.theus.internal.RecordTrees;
import io.theus.outbox.OutboxPolicy;
import io.theus.schema.Schema;
import io.theus.schema.internal.SchemaDefaults;
import io.theus.schema.internal.SchemaGate;
import io.theus.signal.SignalHub;
import io.theus.state.FieldPolicy;
import io.theus.state.Path;
import io.theus.state.internal.Freezer;
import io.theus.state.internal.StateRules;
import io.theus.store.StateStore;
import io.theus.tx.Isolation;
import io.theus.tx.RetryPolicy;
import io.theus.tx.TransactionInterceptor;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Builds a {@link TheusEngine}. Every option is validated when set and says which value was wrong.
 *
 * {@snippet :
 * TheusEngine engine = TheusEngine.builder()
 *         .initialState(Map.of("global", Map.of("max_capacity", 500),
 *                              "domain", Map.of("items", List.of(), "total_value", 0)))
 *         .strictGuards(true)
 *         .isolation(Isolation.SNAPSHOT)
 *         .retryPolicy(RetryPolicy.defaults())
 *         .writeTimeout(Duration.ofSeconds(5))
 *         .build();
 * }
 *
 * <p>Not thread-safe; the engine it builds is.
 */
public final class TheusEngineBuilder {
    /** Default number of entries the audit log retains. */
    public static final int DEFAULT_AUDIT_CAPACITY = 4_096;

    private static final Set<String> RESERVED = Set.of(Path.GLOBAL_ROOT, Path.DOMAIN_ROOT, Path.HEAVY_ROOT,
            Path.SIGNAL_ROOT, Path.LOCAL_ROOT);

    private Map<String, Object> initial;
    private final Set<String> namespaces = new LinkedHashSet<>();
    private final Map<Path, FieldPolicy> policies = new LinkedHashMap<>();
    private final Set<Class<?>> immutableTypes = new HashSet<>();
    private final List<TransactionInterceptor> interceptors = new ArrayList<>();
    private boolean strictGuards = true;
    private boolean strictCas = true;
    private Isolation isolation = Isolation.SNAPSHOT;
    private RetryPolicy retry = RetryPolicy.defaults();
    private Duration writeTimeout = Duration.ZERO;
    private InstantSource clock = InstantSource.system();
    private ExecutorService executor;
    private int conflictHistory = 16_384;
    private SignalHub signalHub;
    private StateStore store;
    private OutboxPolicy outboxPolicy = OutboxPolicy.defaults();
    private AuditRecipe auditRecipe;
    private int auditCapacity = DEFAULT_AUDIT_CAPACITY;
    private Schema schema;

    TheusEngineBuilder() {
    }

    /**
     * Sets the initial context, committed as version 1. Keys are roots ({@code global}, {@code domain},
     * {@code heavy}, {@code signal} or a registered namespace); values are frozen.
     *
     * @param state root to value
     * @return this builder
     */
    public TheusEngineBuilder initialState(Map<String, ?> state) {
        this.initial = new LinkedHashMap<>(Objects.requireNonNull(state, "state"));
        return this;
    }

    /**
     * Sets the initial context from a typed record: each component is a root, nested records become maps.
     *
     * @param state e.g. {@code new WarehouseContext(new Config(500), new Domain(List.of(), 0))}
     * @return this builder
     */
    public TheusEngineBuilder initialState(Record state) {
        this.initial = RecordTrees.toMap(Objects.requireNonNull(state, "state"));
        return this;
    }

    /**
     * Registers extra roots besides {@code global}, {@code domain}, {@code heavy} and {@code signal}.
     *
     * @param names root names, e.g. {@code portfolio}
     * @return this builder
     */
    public TheusEngineBuilder namespaces(String... names) {
        for (String n : names) {
            Path p = Path.of(n);
            if (p.size() != 1 || p.hasWildcard() || RESERVED.contains(n)) {
                throw new IllegalArgumentException("namespace must be a single segment other than " + RESERVED
                        + ", was '" + n + "'");
            }
            namespaces.add(n);
        }
        return this;
    }

    /**
     * Narrows what may be done to a namespace or field (never widens a zone's ceiling).
     *
     * @param path a path or pattern
     * @param policy the policy
     * @return this builder
     */
    public TheusEngineBuilder fieldPolicy(String path, FieldPolicy policy) {
        policies.put(Path.of(path), Objects.requireNonNull(policy, "policy"));
        return this;
    }

    /**
     * Vouches that classes are immutable so they may be stored as leaf values.
     *
     * @param types the classes
     * @return this builder
     */
    public TheusEngineBuilder immutableTypes(Class<?>... types) {
        immutableTypes.addAll(List.of(types));
        return this;
    }

    /**
     * Strict guards (the default) turn contract and zone violations into errors; relaxed guards log them as
     * warnings. Transactions and conflict detection stay on either way.
     *
     * @param strict whether violations throw
     * @return this builder
     */
    public TheusEngineBuilder strictGuards(boolean strict) {
        this.strictGuards = strict;
        return this;
    }

    /**
     * Strict CAS (the default) makes {@code compareAndSwap} fail on any commit since the expected version;
     * otherwise only commits touching the update's paths make it fail. Use {@link Isolation#STRICT} for the same
     * whole-version check on process commits.
     *
     * @param strict whether CAS checks the whole version
     * @return this builder
     */
    public TheusEngineBuilder strictCas(boolean strict) {
        this.strictCas = strict;
        return this;
    }

    /**
     * Sets what process commits check against concurrent commits.
     *
     * @param value the isolation
     * @return this builder
     */
    public TheusEngineBuilder isolation(Isolation value) {
        this.isolation = Objects.requireNonNull(value, "isolation");
        return this;
    }

    /**
     * Sets how conflicting processes are re-run.
     *
     * @param value the policy
     * @return this builder
     */
    public TheusEngineBuilder retryPolicy(RetryPolicy value) {
        this.retry = Objects.requireNonNull(value, "retryPolicy");
        return this;
    }

    /**
     * Refuses commits of transactions older than a limit, and interrupts processes that run past it.
     *
     * @param value the limit; zero for none (the default)
     * @return this builder
     */
    public TheusEngineBuilder writeTimeout(Duration value) {
        Objects.requireNonNull(value, "writeTimeout");
        if (value.isNegative()) {
            throw new IllegalArgumentException("writeTimeout must not be negative, was " + value);
        }
        this.writeTimeout = value;
        return this;
    }

    /**
     * Sets the time source (for write timeouts and audit timestamps).
     *
     * @param value the clock
     * @return this builder
     */
    public TheusEngineBuilder clock(InstantSource value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * Sets the executor for asynchronous executions; the engine does not shut it down. By default the engine owns a
     * virtual-thread-per-task executor.
     *
     * @param value the executor
     * @return this builder
     */
    public TheusEngineBuilder executor(ExecutorService value) {
        this.executor = Objects.requireNonNull(value, "executor");
        return this;
    }

    /**
     * Adds a transaction lifecycle interceptor (runs in the order added).
     *
     * @param value the interceptor
     * @return this builder
     */
    public TheusEngineBuilder interceptor(TransactionInterceptor value) {
        interceptors.add(Objects.requireNonNull(value, "interceptor"));
        return this;
    }

    /**
     * Turns audit on with a recipe (SPEC §5): input and output rules per process, levels S/A/B/C/I, counters and
     * thresholds, an interlock, and a log of the last {@value #DEFAULT_AUDIT_CAPACITY} entries
     * ({@code engine.audit()}). The audit gates run before the schema gate and the interceptors added with
     * {@link #interceptor}.
     *
     * @param recipe the recipe ({@code AuditRecipe.empty()} to log without rules)
     * @return this builder
     */
    public TheusEngineBuilder audit(AuditRecipe recipe) {
        return audit(recipe, DEFAULT_AUDIT_CAPACITY);
    }

    /**
     * Turns audit on with a recipe and a log capacity.
     *
     * @param recipe the recipe
     * @param logCapacity how many entries the audit log retains, at least 1
     * @return this builder
     */
    public TheusEngineBuilder audit(AuditRecipe recipe, int logCapacity) {
        if (logCapacity < 1) {
            throw new IllegalArgumentException("audit log capacity must be >= 1, was " + logCapacity);
        }
        this.auditRecipe = Objects.requireNonNull(recipe, "recipe");
        this.auditCapacity = logCapacity;
        return this;
    }

    /**
     * Attaches a schema (the Type Shield, SPEC §6): every commit, the initial context included, is checked on the
     * paths it changes and rejected with a {@code SchemaViolationException} on a violation. Schema defaults fill
     * absent paths of the initial context. The schema gate runs after the audit gates and before the interceptors
     * added with {@link #interceptor}.
     *
     * @param value the schema
     * @return this builder
     */
    public TheusEngineBuilder schema(Schema value) {
        this.schema = Objects.requireNonNull(value, "schema");
        return this;
    }

    /**
     * Sets how many recent commits are remembered for conflict checks. A transaction whose snapshot is older than
     * that is treated as conflicting and re-run.
     *
     * @param commits at least 64 (default 16 384)
     * @return this builder
     */
    public TheusEngineBuilder conflictHistory(int commits) {
        if (commits < 64) {
            throw new IllegalArgumentException("conflictHistory must be >= 64, was " + commits);
        }
        this.conflictHistory = commits;
        return this;
    }

    /**
     * Sets the hub committed signals are published on; by default each engine has its own lossy hub of 1024 slots.
     * The engine closes it when it closes. Publication happens on the committing thread under a small per-engine
     * ordering lock, so a hub with {@link io.theus.signal.OverflowPolicy#BLOCK_PUBLISHER} makes every commit that
     * emits signals wait for the slowest subscriber — and a subscriber that itself runs processes which emit signals
     * can then deadlock with it; prefer the default lossy policy.
     *
     * @param value the hub
     * @return this builder
     */
    public TheusEngineBuilder signalHub(SignalHub value) {
        this.signalHub = Objects.requireNonNull(value, "signalHub");
        return this;
    }

    /**
     * Sets the store commits are recorded in (with their outbox messages); by default an in-memory store. The engine
     * closes it when it closes.
     *
     * @param value the store
     * @return this builder
     */
    public TheusEngineBuilder store(StateStore value) {
        this.store = Objects.requireNonNull(value, "store");
        return this;
    }

    /**
     * Sets how the outbox relay retries and paces deliveries.
     *
     * @param value the policy (default {@link OutboxPolicy#defaults()})
     * @return this builder
     */
    public TheusEngineBuilder outboxPolicy(OutboxPolicy value) {
        this.outboxPolicy = Objects.requireNonNull(value, "outboxPolicy");
        return this;
    }

    /**
     * Builds the engine and loads the initial context.
     *
     * @return the engine
     * @throws InvalidPathException if the initial context names an unknown root
     * @throws InvalidValueException if a value cannot be made immutable
     * @throws io.theus.schema.SchemaViolationException if the initial context violates the schema
     */
    public TheusEngine build() {
        StateRules rules = new StateRules(namespaces, policies, new Freezer(immutableTypes));
        EngineAudit audit = auditRecipe == null ? EngineAudit.disabled()
                : new EngineAudit(auditRecipe, auditCapacity, clock);
        List<TransactionInterceptor> all = new ArrayList<>();
        if (auditRecipe != null) {
            all.add(new AuditInterceptor(audit));
        }
        if (schema != null) {
            all.add(new SchemaGate(schema, namespaces));
        }
        all.addAll(interceptors);
        Map<String, Object> start = schema == null ? initial : SchemaDefaults.apply(schema, initial);
        EngineSettings settings = new EngineSettings(strictGuards, strictCas, isolation, retry, writeTimeout, clock,
                all, executor);
        EffectSettings effects = new EffectSettings(signalHub != null ? signalHub : SignalHub.builder().build(),
                store != null ? store : StateStore.inMemory(), outboxPolicy);
        return new TheusEngine(new EngineCore(settings, rules, conflictHistory, start, effects), audit);
    }
}
