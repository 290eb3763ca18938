package io.theus;

import io.theus.audit.Audit;
import io.theus.contract.ProcessInfo;
import io.theus.contract.ProcessRef;
import io.theus.contract.ProcessSpec;
import io.theus.contract.StateEditor;
import io.theus.contract.StateUpdate;
import io.theus.contract.TheusProcess;
import io.theus.contract.internal.MethodRefs;
import io.theus.contract.internal.ProcessDefinition;
import io.theus.contract.internal.ProcessDefinitions;
import io.theus.flux.Workflow;
import io.theus.flux.WorkflowDefinitionException;
import io.theus.flux.WorkflowException;
import io.theus.flux.WorkflowOptions;
import io.theus.flux.WorkflowResult;
import io.theus.flux.WorkflowRun;
import io.theus.flux.internal.WorkflowLauncher;
import io.theus.internal.EngineCore;
import io.theus.internal.ProcessScanner;
import io.theus.outbox.OutboxRelay;
import io.theus.signal.SignalHub;
import io.theus.state.StateSnapshot;
import io.theus.state.internal.Conversions;
import io.theus.tx.Transaction;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The Theus engine: owns one versioned, immutable state tree and runs processes against it as optimistic
 * transactions, each guarded by its contract.
 *
 * {@snippet :
 * try (TheusEngine engine = TheusEngine.builder()
 *         .initialState(Map.of("domain", Map.of("items", List.of(), "total_value", 0)))
 *         .build()) {
 *     engine.register(Warehouse.class);
 *     engine.execute("add_product", Map.of("product_name", "TV", "price", 500));
 *     int total = engine.state().getInt("domain.total_value"); // 500
 * }
 * }
 *
 * <p>Every execution reads a snapshot, runs the process with a guarded context and commits with one
 * compare-and-set; a conflicting commit re-runs the process with bounded, jittered backoff. Any exception leaves
 * the state, the version and the signals untouched. Calling the engine from inside a process is refused
 * ({@link NestedEngineCallException}).
 *
 * <p>Thread-safe: any number of threads may execute, read and commit concurrently; readers never block writers and
 * the commit path takes no lock.
 */
public final class TheusEngine implements AutoCloseable {
    private final EngineCore core;
    private final Audit audit;

    TheusEngine(EngineCore core, Audit audit) {
        this.core = core;
        this.audit = audit;
    }

    /** {@return a builder for an engine} */
    public static TheusEngineBuilder builder() {
        return new TheusEngineBuilder();
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers every {@link TheusProcess} method of a class: static methods, and instance methods on an instance
     * made with the class's no-argument constructor. All or nothing.
     *
     * @param type the class
     * @return the registered processes
     * @throws ContractDefinitionException if any method cannot be registered
     */
    public List<ProcessInfo> register(Class<?> type) {
        return registerMethods(type, null);
    }

    /**
     * Registers every {@link TheusProcess} method of an object's class, instance methods bound to the object. All
     * or nothing.
     *
     * @param processes the object
     * @return the registered processes
     * @throws ContractDefinitionException if any method cannot be registered
     */
    public List<ProcessInfo> register(Object processes) {
        if (processes instanceof Class<?> type) {
            return register(type);
        }
        if (processes instanceof ProcessSpec spec) {
            return List.of(register(spec));
        }
        return registerMethods(processes.getClass(), processes);
    }

    /**
     * Registers a process defined in code.
     *
     * @param spec the definition
     * @return the registered process
     * @throws ContractDefinitionException if the contract is malformed or the name is taken
     */
    public ProcessInfo register(ProcessSpec spec) {
        return core.register(List.of(ProcessDefinitions.of(spec, core.rules(), core.settings().strictGuards())))
                .get(0);
    }

    /**
     * Registers the method a method reference names, e.g. {@code engine.register(Warehouse::addProduct)}.
     *
     * @param ref a method reference to a {@link TheusProcess} method
     * @param <A> first argument type
     * @param <B> second argument type
     * @param <R> result type
     * @return the registered process
     */
    public <A, B, R> ProcessInfo register(ProcessRef.Of2<A, B, R> ref) {
        return registerRef(ref);
    }

    /**
     * Registers the method a method reference names.
     *
     * @param ref a method reference to a {@link TheusProcess} method
     * @param <A> argument type
     * @param <R> result type
     * @return the registered process
     */
    public <A, R> ProcessInfo register(ProcessRef.Of1<A, R> ref) {
        return registerRef(ref);
    }

    /**
     * Registers the method a method reference names.
     *
     * @param ref a method reference to a {@link TheusProcess} method
     * @param <R> result type
     * @return the registered process
     */
    public <R> ProcessInfo register(ProcessRef.Of0<R> ref) {
        return registerRef(ref);
    }

    /**
     * Registers the method a method reference names.
     *
     * @param ref a method reference to a {@link TheusProcess} method
     * @param <A> first argument type
     * @param <B> second argument type
     * @param <C> third argument type
     * @param <R> result type
     * @return the registered process
     */
    public <A, B, C, R> ProcessInfo register(ProcessRef.Of3<A, B, C, R> ref) {
        return registerRef(ref);
    }

    /**
     * Registers every {@link TheusProcess} method found in a package and its sub-packages by classpath scanning.
     * All or nothing.
     *
     * @param packageName the package, e.g. {@code com.example.processes}
     * @return the registered processes
     */
    public List<ProcessInfo> scanAndRegister(String packageName) {
        List<ProcessDefinition> defs = new ArrayList<>();
        for (Class<?> type : ProcessScanner.classesIn(packageName)) {
            defs.addAll(definitions(type, null));
        }
        return core.register(defs);
    }

    /** {@return every registered process, sorted by name} */
    public List<ProcessInfo> processes() {
        return core.registry().all().stream().map(ProcessDefinition::info).toList();
    }

    /**
     * Looks a process up.
     *
     * @param name the name
     * @return its description, if registered
     */
    public Optional<ProcessInfo> process(String name) {
        return processes().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private List<ProcessInfo> registerMethods(Class<?> type, Object target) {
        List<ProcessDefinition> defs = definitions(type, target);
        if (defs.isEmpty()) {
            throw new ContractDefinitionException(null, null, type.getName() + " has no @TheusProcess methods");
        }
        return core.register(defs);
    }

    private List<ProcessDefinition> definitions(Class<?> type, Object target) {
        List<ProcessDefinition> defs = new ArrayList<>();
        for (Method m : ProcessDefinitions.annotatedMethods(type)) {
            defs.add(ProcessDefinitions.of(m, target, core.rules(), core.settings().strictGuards()));
        }
        return defs;
    }

    private ProcessInfo registerRef(ProcessRef ref) {
        Method m = MethodRefs.resolve(ref);
        Object target = MethodRefs.capturedReceiver(ref);
        return core.register(List.of(ProcessDefinitions.of(m, target, core.rules(),
                core.settings().strictGuards()))).get(0);
    }

    // ---------------------------------------------------------------- execution

    /**
     * Executes a process by name with named arguments.
     *
     * @param name the process name
     * @param args argument name (parameter name or its snake_case form) to value
     * @return what the process returned ({@code null} for none)
     * @throws UnknownProcessException if no such process is registered
     * @throws ArgumentBindingException if an argument is missing, unknown or of the wrong type
     * @throws ContractViolationException if the process touched state outside its contract
     * @throws ConflictException if retries were exhausted
     */
    public Object execute(String name, Map<String, ?> args) {
        return core.execute(name, args);
    }

    /**
     * Executes a process that takes no arguments.
     *
     * @param name the process name
     * @return what the process returned
     */
    public Object execute(String name) {
        return core.execute(name, Map.of());
    }

    /**
     * Executes a process and converts its result.
     *
     * @param name the process name
     * @param args named arguments
     * @param resultType the expected result type
     * @param <R> the result type
     * @return the converted result, or {@code null}
     * @throws ReturnMappingException if the result cannot be converted
     */
    public <R> R execute(String name, Map<String, ?> args, Class<R> resultType) {
        Object result = core.execute(name, args);
        if (result == null) {
            return null;
        }
        try {
            return Conversions.convert(result, resultType);
        } catch (Conversions.Impossible e) {
            throw new ReturnMappingException(name, null, "process '" + name + "' returned "
                    + Conversions.describe(result) + ", which is not convertible to " + resultType.getSimpleName());
        }
    }

    /**
     * Executes a process on the engine's executor (virtual threads unless one was configured).
     *
     * @param name the process name
     * @param args named arguments
     * @return the result, completed exceptionally with the same exceptions {@link #execute(String, Map)} throws
     */
    public CompletableFuture<Object> executeAsync(String name, Map<String, ?> args) {
        return core.executeAsync(name, args);
    }

    /**
     * Executes a registered process by method reference.
     *
     * @param ref a method reference
     * @param <R> result type
     * @return the result
     */
    public <R> R execute(ProcessRef.Of0<R> ref) {
        return executeRef(ref);
    }

    /**
     * Executes a registered process by method reference, with compile-time checked arguments.
     *
     * @param ref a method reference
     * @param a first argument
     * @param <A> first argument type
     * @param <R> result type
     * @return the result
     */
    public <A, R> R execute(ProcessRef.Of1<A, R> ref, A a) {
        return executeRef(ref, a);
    }

    /**
     * Executes a registered process by method reference, with compile-time checked arguments.
     *
     * @param ref a method reference
     * @param a first argument
     * @param b second argument
     * @param <A> first argument type
     * @param <B> second argument type
     * @param <R> result type
     * @return the result
     */
    public <A, B, R> R execute(ProcessRef.Of2<A, B, R> ref, A a, B b) {
        return executeRef(ref, a, b);
    }

    /**
     * Executes a registered process by method reference, with compile-time checked arguments.
     *
     * @param ref a method reference
     * @param a first argument
     * @param b second argument
     * @param c third argument
     * @param <A> first argument type
     * @param <B> second argument type
     * @param <C> third argument type
     * @param <R> result type
     * @return the result
     */
    public <A, B, C, R> R execute(ProcessRef.Of3<A, B, C, R> ref, A a, B b, C c) {
        return executeRef(ref, a, b, c);
    }

    /**
     * Executes a registered void process by method reference.
     *
     * @param ref a method reference
     */
    public void run(ProcessRef.Void0 ref) {
        executeRef(ref);
    }

    /**
     * Executes a registered void process by method reference.
     *
     * @param ref a method reference
     * @param a first argument
     * @param <A> first argument type
     */
    public <A> void run(ProcessRef.Void1<A> ref, A a) {
        executeRef(ref, a);
    }

    /**
     * Executes a registered void process by method reference.
     *
     * @param ref a method reference
     * @param a first argument
     * @param b second argument
     * @param <A> first argument type
     * @param <B> second argument type
     */
    public <A, B> void run(ProcessRef.Void2<A, B> ref, A a, B b) {
        executeRef(ref, a, b);
    }

    /**
     * Executes a registered void process by method reference.
     *
     * @param ref a method reference
     * @param a first argument
     * @param b second argument
     * @param c third argument
     * @param <A> first argument type
     * @param <B> second argument type
     * @param <C> third argument type
     */
    public <A, B, C> void run(ProcessRef.Void3<A, B, C> ref, A a, B b, C c) {
        executeRef(ref, a, b, c);
    }

    @SuppressWarnings("unchecked")
    private <R> R executeRef(ProcessRef ref, Object... args) {
        Method m = MethodRefs.resolve(ref);
        ProcessDefinition def = core.registry().get(m);
        if (def == null) {
            throw new UnknownProcessException(m.getName(), "method " + m.getDeclaringClass().getName() + "#"
                    + m.getName() + " is not registered as a process; register it first");
        }
        return (R) core.executePositional(def, args);
    }

    // ---------------------------------------------------------------- workflows

    /**
     * Loads a workflow file and runs it to its end on the calling thread, with the default options.
     *
     * @param file a Flux YAML file
     * @return the result
     * @throws WorkflowDefinitionException if the file is not a valid workflow for this engine; nothing ran
     * @throws WorkflowException if a step, a condition or the operation limit failed the run
     */
    public WorkflowResult executeWorkflow(java.nio.file.Path file) {
        return executeWorkflow(Workflow.load(file), WorkflowOptions.defaults());
    }

    /**
     * Runs a workflow to its end on the calling thread, with the default options.
     *
     * @param workflow the workflow
     * @return the result
     * @throws WorkflowDefinitionException if the workflow names unknown processes, arguments or roots; nothing ran
     * @throws WorkflowException if a step, a condition or the operation limit failed the run
     */
    public WorkflowResult executeWorkflow(Workflow workflow) {
        return executeWorkflow(workflow, WorkflowOptions.defaults());
    }

    /**
     * Runs a workflow to its end on the calling thread. Each process step is a normal execution (guards, audit,
     * schema, retries); each condition reads the version the previous step committed. Refused from inside a process
     * ({@link NestedEngineCallException}).
     *
     * @param workflow the workflow
     * @param options limits, observers, where parallel branches run
     * @return the result
     * @throws WorkflowDefinitionException if the workflow names unknown processes, arguments or roots; nothing ran
     * @throws WorkflowException if a step, a condition or the operation limit failed the run
     */
    public WorkflowResult executeWorkflow(Workflow workflow, WorkflowOptions options) {
        return WorkflowLauncher.execute(core, workflow, options);
    }

    /**
     * Starts a workflow in the background on the engine's executor and returns its handle at once. The workflow is
     * checked against the engine before this method returns.
     *
     * @param workflow the workflow
     * @param options limits, observers, where parallel branches run
     * @return the handle: status, progress, cancel, await
     * @throws WorkflowDefinitionException if the workflow names unknown processes, arguments or roots
     */
    public WorkflowRun startWorkflow(Workflow workflow, WorkflowOptions options) {
        return WorkflowLauncher.start(core, workflow, options);
    }

    // ---------------------------------------------------------------- state and owner operations

    /** {@return the current committed state: an immutable snapshot that never changes} */
    public StateSnapshot state() {
        return core.state();
    }

    /**
     * Opens an explicit transaction on the current state. Commit it or close it (which rolls back).
     *
     * @return the transaction
     */
    public Transaction transaction() {
        return core.transaction();
    }

    /**
     * Edits the state as the application owner (setup, tests, repairs): the edit runs in a transaction that commits
     * when the body returns, is re-run on conflict, and rolls back if the body throws.
     *
     * @param body reads and writes through the editor
     * @return the new version
     */
    public long edit(Consumer<StateEditor> body) {
        return core.edit(body);
    }

    /**
     * Applies an update only if the state is still at the expected version. With {@code strictCas(true)} (the
     * default) any commit since that version fails the swap; otherwise only commits touching the update's paths do.
     *
     * @param expectedVersion the version the update was computed from
     * @param update the changes
     * @return the new version
     * @throws VersionMismatchException if the state moved on (strict)
     * @throws ConflictException if the update's paths changed since (non-strict)
     */
    public long compareAndSwap(long expectedVersion, StateUpdate update) {
        return core.compareAndSwap(expectedVersion, update);
    }

    /**
     * Returns the hub committed signals are published on. Writes to SIGNAL-zone paths, {@code emit} and
     * {@code StateUpdate} signals are published after their commit succeeds — never on rollback, conflict retry or
     * audit/schema rejection — exactly once, in emission order within a commit and in version order across commits,
     * even when the commits ran on different threads. When a subscriber receives a signal, the commit that produced
     * it is already visible: {@link #state()} is that version or a later one. By the time {@code execute} returns,
     * its signals are on the hub. Applications may publish their own messages on it too.
     *
     * {@snippet :
     * try (Subscription alarms = engine.signals().subscribe("domain.sig_*")) {
     *     engine.execute("sell", Map.of("qty", 3));
     *     Signal s = alarms.recv();   // e.g. Signal[topic=domain.sig_restock, payload=true]
     * }
     * }
     *
     * @return the hub (closed when the engine closes)
     */
    public SignalHub signals() {
        return core.signals();
    }

    /**
     * Returns the outbox relay: it delivers, at least once, the messages processes wrote with
     * {@code ctx.outbox(topic, payload)} in transactions that committed.
     *
     * @return the relay (its workers are detached when the engine closes)
     */
    public OutboxRelay outbox() {
        return core.outbox();
    }

    /**
     * Returns the engine's audit: its bounded log, counters and interlock (SPEC §5). Without a recipe
     * ({@code builder().audit(...)}) it is disabled and stays empty.
     *
     * @return the audit
     */
    public Audit audit() {
        return audit;
    }

    /** {@return whether {@link #close()} was called} */
    public boolean isClosed() {
        return core.isClosed();
    }

    /**
     * Closes the engine: later calls fail with {@link EngineClosedException}; snapshots stay readable. The signal hub
     * is closed (subscribers drain it, then get a closed error), outbox workers are detached and the store is closed;
     * undelivered outbox messages stay in the store.
     */
    @Override
    public void close() {
        core.close();
    }
}
