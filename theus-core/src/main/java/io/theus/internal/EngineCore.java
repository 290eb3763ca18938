package io.theus.internal;

import io.theus.ConflictException;
import io.theus.EngineClosedException;
import io.theus.VersionMismatchException;
import io.theus.contract.ProcessInfo;
import io.theus.contract.StateEditor;
import io.theus.contract.StateUpdate;
import io.theus.contract.internal.ProcessDefinition;
import io.theus.contract.internal.ProcessRegistry;
import io.theus.outbox.OutboxRelay;
import io.theus.signal.SignalHub;
import io.theus.state.Path;
import io.theus.state.StateSnapshot;
import io.theus.state.internal.StateRules;
import io.theus.tx.CommitKind;
import io.theus.tx.RetryPolicy;
import io.theus.tx.Transaction;
import io.theus.tx.TransactionInterceptor;
import io.theus.tx.internal.CommitResult;
import io.theus.tx.internal.ExponentialBackoff;
import io.theus.tx.internal.OptimisticCommitter;
import io.theus.tx.internal.OwnerEditor;
import io.theus.tx.internal.TxState;
import io.theus.tx.internal.UpdateApplier;
import io.theus.tx.internal.Version;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything behind {@code TheusEngine}: the state rules, the process registry, the commit point, the process runner
 * and the owner operations (edit, explicit transactions, compare-and-swap).
 *
 * <p>Thread-safe. The only shared mutable state is the committer's head reference, the registry and the lifecycle
 * flag; the lazily created timeout scheduler is guarded by {@code this}.
 */
public final class EngineCore implements AutoCloseable {
    private final EngineSettings settings;
    private final StateRules rules;
    private final ProcessRegistry registry = new ProcessRegistry();
    private final OptimisticCommitter committer;
    private final CommitService commits;
    private final CommitEffects effects;
    private final ProcessRunner runner;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private ScheduledExecutorService timeoutScheduler;
    private volatile boolean closed;

    /**
     * Creates an engine core and loads the initial context, if any, as version 1.
     *
     * @param settings the settings
     * @param rules the state rules
     * @param history commit logs retained for conflict checks
     * @param initial the initial context by root, or {@code null} to start empty at version 0
     */
    public EngineCore(EngineSettings settings, StateRules rules, int history, Map<String, Object> initial) {
        this(settings, rules, history, initial, EffectSettings.defaults());
    }

    /**
     * Creates an engine core with its signal hub, store and outbox policy, and loads the initial context, if any, as
     * version 1.
     *
     * @param settings the settings
     * @param rules the state rules
     * @param history commit logs retained for conflict checks
     * @param initial the initial context by root, or {@code null} to start empty at version 0
     * @param effectSettings the hub, the store and the outbox policy
     */
    public EngineCore(EngineSettings settings, StateRules rules, int history, Map<String, Object> initial,
                      EffectSettings effectSettings) {
        this.settings = settings;
        this.rules = rules;
        this.committer = new OptimisticCommitter(Version.empty(), history);
        this.effects = new CommitEffects(effectSettings, committer.head(), settings.clock());
        this.commits = new CommitService(committer, settings.interceptors(), settings.clock(),
                settings.writeTimeout().toMillis(), effects);
        Supplier<ScheduledExecutorService> scheduler = this::timeoutScheduler;
        this.runner = new ProcessRunner(committer, commits, rules, settings, scheduler);
        this.ownsExecutor = settings.executor() == null;
        this.executor = ownsExecutor ? Executors.newVirtualThreadPerTaskExecutor() : settings.executor();
        if (initial != null) {
            loadInitial(initial);
        }
    }

    private void loadInitial(Map<String, Object> initial) {
        TxState tx = new TxState(committer.head(), commits.now());
        OwnerEditor editor = new OwnerEditor(tx, rules, "initial context");
        initial.forEach(editor::set);
        commitOnce(CommitKind.INITIAL, tx);
    }

    /** {@return the state rules} */
    public StateRules rules() {
        return rules;
    }

    /** {@return the process registry} */
    public ProcessRegistry registry() {
        return registry;
    }

    /** {@return the settings} */
    public EngineSettings settings() {
        return settings;
    }

    /**
     * Registers definitions all-or-nothing.
     *
     * @param defs the definitions
     * @return their descriptions
     */
    public List<ProcessInfo> register(List<ProcessDefinition> defs) {
        ensureUsable("register");
        for (TransactionInterceptor i : settings.interceptors()) {
            for (ProcessDefinition d : defs) {
                i.onRegister(d.info());
            }
        }
        registry.registerAll(defs);
        return defs.stream().map(ProcessDefinition::info).toList();
    }

    /**
     * Executes a process by name.
     *
     * @param name the process name
     * @param args named arguments
     * @return the body's return value
     */
    public Object execute(String name, Map<String, ?> args) {
        ensureUsable("execute", name);
        ProcessDefinition def = registry.get(name);
        return runner.run(def, def.binder().bind(args));
    }

    /**
     * Executes a definition with positional arguments.
     *
     * @param def the definition
     * @param args one value per parameter
     * @return the body's return value
     */
    public Object executePositional(ProcessDefinition def, Object[] args) {
        ensureUsable("execute", def.name());
        return runner.run(def, def.binder().bindPositional(args));
    }

    /**
     * Executes a process for a workflow step, through the same path as {@link #execute}: a step is not a nested
     * call, but a process may not run a workflow.
     *
     * @param def the definition
     * @param bound the bound arguments (a fresh array: the invoker writes the context slot)
     * @return the result and the version the execution committed (or read, if it changed nothing)
     */
    public Executed executeStep(ProcessDefinition def, Object[] bound) {
        ensureUsable("execute", def.name());
        return runner.execute(def, bound);
    }

    /** {@return the executor of asynchronous executions and background workflow runs} */
    public ExecutorService executor() {
        return executor;
    }

    /**
     * Executes a process on the engine's executor.
     *
     * @param name the process name
     * @param args named arguments (copied now)
     * @return the future result
     */
    public CompletableFuture<Object> executeAsync(String name, Map<String, ?> args) {
        ensureUsable("executeAsync('" + name + "')");
        Map<String, Object> copy = new java.util.HashMap<>(args);
        return CompletableFuture.supplyAsync(() -> execute(name, copy), executor);
    }

    /** {@return the hub committed signals are published on} */
    public SignalHub signals() {
        return effects.hub();
    }

    /** {@return the outbox relay over the engine's store} */
    public OutboxRelay outbox() {
        return effects.relay();
    }

    /** {@return the current committed version} */
    public StateSnapshot state() {
        return committer.head();
    }

    /**
     * Runs an owner edit, retried on conflict per the retry policy.
     *
     * @param body the edit
     * @return the new version (or the current one if nothing changed)
     */
    public long edit(Consumer<StateEditor> body) {
        ensureUsable("edit()");
        RetryPolicy policy = settings.retry();
        for (int attempt = 1; ; attempt++) {
            TxState tx = new TxState(committer.head(), commits.now());
            body.accept(new OwnerEditor(tx, rules, "edit"));
            CommitResult r = commits.commit(CommitKind.EDIT, null, Map.of(), attempt, tx, null, false);
            if (r instanceof CommitResult.Conflict c && attempt < policy.maxAttempts()) {
                ExponentialBackoff.pause(policy, attempt);
                continue;
            }
            return versionOf(r, attempt);
        }
    }

    /** {@return a new explicit transaction on the current version} */
    public Transaction transaction() {
        ensureUsable("transaction()");
        TxState tx = new TxState(committer.head(), commits.now());
        return new ExplicitTransaction(tx, rules, t -> commitOnce(CommitKind.TRANSACTION, t));
    }

    /**
     * Applies an update if the state is still compatible with an expected version: under strict CAS, only if it is
     * exactly at that version; otherwise, if no path the update touches changed since.
     *
     * @param expectedVersion the version the caller read
     * @param update the update
     * @return the new version
     */
    public long compareAndSwap(long expectedVersion, StateUpdate update) {
        ensureUsable("compareAndSwap()");
        Version head = committer.head();
        if (expectedVersion > head.version() || (settings.strictCas() && expectedVersion != head.version())) {
            throw new VersionMismatchException(null, expectedVersion, head.version());
        }
        TxState tx = new TxState(head, commits.now());
        UpdateApplier.apply(update, new OwnerEditor(tx, rules, "compareAndSwap"), tx, k -> k);
        if (settings.strictCas()) {
            tx.assertVersion(expectedVersion);
        } else if (tx.isDirty()) {
            CommitResult.Conflict changed = committer.changedSince(expectedVersion, tx.minimalWrites());
            if (changed != null) {
                throw conflict(null, changed.paths(), changed.historyExceeded()
                        ? "version " + expectedVersion + " is older than the retained commit history"
                        : "paths changed since version " + expectedVersion);
            }
        }
        return commitOnce(CommitKind.COMPARE_AND_SWAP, tx);
    }

    private long commitOnce(CommitKind kind, TxState tx) {
        return versionOf(commits.commit(kind, null, Map.of(), 1, tx, null, false), 1);
    }

    private static long versionOf(CommitResult r, int attempts) {
        return switch (r) {
            case CommitResult.Committed c -> c.version().version();
            case CommitResult.Mismatch m -> throw new VersionMismatchException(null, m.expected(), m.actual());
            case CommitResult.Conflict c -> throw conflict(null, c.paths(), c.historyExceeded()
                    ? "the snapshot fell behind the retained commit history"
                    : "paths were changed concurrently after " + attempts + " attempt(s)");
        };
    }

    private static ConflictException conflict(String process, List<Path> paths, String why) {
        List<String> texts = paths.stream().map(Path::toString).distinct().toList();
        return new ConflictException(process, texts, 1, "commit conflict: " + why + " " + texts);
    }

    /** Like {@link #ensureUsable(String)} for {@code operation('process')}, building that text only on refusal. */
    private void ensureUsable(String operation, String process) {
        if (closed || NestedCalls.insideProcess()) {
            ensureUsable(operation + "('" + process + "')");
        }
    }

    /**
     * Refuses an operation if the caller is a running process (nested call) or the engine is closed.
     *
     * @param operation what is called, for the message
     */
    public void ensureUsable(String operation) {
        NestedCalls.refuseInsideProcess(operation);
        if (closed) {
            throw new EngineClosedException("the engine is closed; " + operation + " is refused");
        }
    }

    private synchronized ScheduledExecutorService timeoutScheduler() {
        if (timeoutScheduler == null) {
            ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "theus-write-timeout");
                t.setDaemon(true);
                return t;
            });
            s.setRemoveOnCancelPolicy(true);
            timeoutScheduler = s;
        }
        return timeoutScheduler;
    }

    /** {@return whether the engine was closed} */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        NestedCalls.refuseInsideProcess("close()");
        closed = true;
        if (ownsExecutor) {
            executor.shutdown();
        }
        synchronized (this) {
            if (timeoutScheduler != null) {
                timeoutScheduler.shutdownNow();
            }
        }
        effects.close();
    }
}
