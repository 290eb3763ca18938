package io.theus.contract.internal;

import io.theus.contract.Contract;
import io.theus.contract.ProcessInfo;
import io.theus.contract.ReturnMapping;
import io.theus.contract.Semantic;
import io.theus.state.internal.PathAccess;
import io.theus.state.internal.StateRules;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A registered process, ready to run: compiled contract (the flyweight every execution shares), argument binder,
 * invoker, return handling, and a per-process cache of resolved paths so a guarded read costs one hash lookup.
 *
 * <p>Thread-safe: immutable apart from the concurrent caches.
 */
public final class ProcessDefinition {
    private static final int ACCESS_CACHE_LIMIT = 4_096;

    private final ProcessInfo info;
    private final CompiledContract compiled;
    private final ArgumentBinder binder;
    private final ProcessInvoker invoker;
    private final Method method;
    private final StateRules rules;
    private final boolean pure;
    /** The single concrete output, resolved on first use; {@code null} until then or if there is none. */
    private GuardedAccess singleOutput;
    private final ConcurrentHashMap<String, GuardedAccess> accessCache = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * Creates a definition.
     *
     * @param info the public description
     * @param compiled the compiled contract
     * @param binder the argument binder
     * @param invoker the invoker
     * @param method the method, or {@code null} for spec-defined processes
     * @param rules the engine's state rules
     */
    public ProcessDefinition(ProcessInfo info, CompiledContract compiled, ArgumentBinder binder,
                             ProcessInvoker invoker, Method method, StateRules rules) {
        this.info = info;
        this.compiled = compiled;
        this.binder = binder;
        this.invoker = invoker;
        this.method = method;
        this.rules = rules;
        this.pure = info.contract().semantic() == Semantic.PURE;
    }

    /** {@return the process name} */
    public String name() {
        return info.name();
    }

    /** {@return the public description} */
    public ProcessInfo info() {
        return info;
    }

    /** {@return the declared contract} */
    public Contract contract() {
        return info.contract();
    }

    /** {@return whether the process is PURE} */
    public boolean pure() {
        return pure;
    }

    /** {@return how the return value is treated} */
    public ReturnMapping returns() {
        return info.returns();
    }

    /** {@return the compiled contract} */
    public CompiledContract compiled() {
        return compiled;
    }

    /** {@return the argument binder} */
    public ArgumentBinder binder() {
        return binder;
    }

    /** {@return the invoker} */
    public ProcessInvoker invoker() {
        return invoker;
    }

    /** {@return the method, or {@code null}} */
    public Method method() {
        return method;
    }

    /**
     * Resolves a path for this process: zone, ceilings and what the contract grants.
     *
     * @param text the path text
     * @return the resolved access
     */
    public GuardedAccess access(String text) {
        GuardedAccess cached = accessCache.get(text);
        if (cached != null) {
            return cached;
        }
        PathAccess a = rules.access(text);
        GuardedAccess computed = new GuardedAccess(a, compiled.grants(a.path()));
        if (accessCache.size() < ACCESS_CACHE_LIMIT) {
            accessCache.putIfAbsent(text, computed);
        }
        return computed;
    }

    /**
     * Returns the resolved access of the process's output when it declares exactly one concrete output path.
     *
     * @return the access, or {@code null} when there are several outputs, none, or a pattern
     */
    public GuardedAccess singleOutput() {
        GuardedAccess out = singleOutput;
        if (out == null && compiled.outputCount() == 1 && !compiled.output(0).hasWildcard()) {
            out = access(compiled.output(0).toString());
            singleOutput = out; // benign race: equal values
        }
        return out;
    }

    /**
     * Tells whether a relaxed-mode warning was already logged (logs each distinct warning once).
     *
     * @param key the warning's identity
     * @return {@code true} the first time
     */
    public boolean firstWarning(String key) {
        return warned.size() < 1_000 && warned.add(key);
    }

    /**
     * Tells whether an exception type is declared in the contract's {@code errors}.
     *
     * @param error the exception
     * @return {@code true} if declared
     */
    public boolean declares(Throwable error) {
        for (Class<? extends Throwable> t : info.contract().errors()) {
            if (t.isInstance(error)) {
                return true;
            }
        }
        return false;
    }
}
