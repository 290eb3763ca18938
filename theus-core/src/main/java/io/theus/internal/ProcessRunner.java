package io.theus.internal;

import io.theus.ConflictException;
import io.theus.ProcessFailedException;
import io.theus.TheusException;
import io.theus.VersionMismatchException;
import io.theus.WriteTimeoutException;
import io.theus.contract.internal.GuardedContext;
import io.theus.contract.internal.ProcessDefinition;
import io.theus.contract.internal.ReturnMapper;
import io.theus.state.Path;
import io.theus.state.internal.StateRules;
import io.theus.tx.CommitKind;
import io.theus.tx.Invocation;
import io.theus.tx.Isolation;
import io.theus.tx.RetryPolicy;
import io.theus.tx.TransactionInterceptor;
import io.theus.tx.internal.CommitResult;
import io.theus.tx.internal.ExponentialBackoff;
import io.theus.tx.internal.OptimisticCommitter;
import io.theus.tx.internal.PriorityTicket;
import io.theus.tx.internal.TxState;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Runs one process execution to its end (SPEC T2–T6): per attempt, take a snapshot, run the input gate, run the body
 * with a guarded context, map the return value, commit. On a conflict, back off and re-run, taking the priority
 * ticket after repeated losses; give up with a {@link ConflictException} after the last attempt. Any exception
 * leaves the state untouched.
 *
 * <p>Thread-safe: all per-execution state lives on the calling thread's stack.
 */
final class ProcessRunner {
    private static final System.Logger LOG = System.getLogger("io.theus.engine");

    private final OptimisticCommitter committer;
    private final CommitService commits;
    private final StateRules rules;
    private final EngineSettings settings;
    private final List<TransactionInterceptor> interceptors;
    private final Supplier<ScheduledExecutorService> timeoutScheduler;
    private final BiConsumer<String, String> adminListener = this::onAdminScope;
    private final long timeoutNanos;

    ProcessRunner(OptimisticCommitter committer, CommitService commits, StateRules rules, EngineSettings settings,
                  Supplier<ScheduledExecutorService> timeoutScheduler) {
        this.committer = committer;
        this.commits = commits;
        this.rules = rules;
        this.settings = settings;
        this.interceptors = settings.interceptors();
        this.timeoutScheduler = timeoutScheduler;
        this.timeoutNanos = settings.writeTimeout().toNanos();
    }

    Object run(ProcessDefinition def, Object[] bound) {
        return attempts(def, bound, false);
    }

    /** Runs an execution and returns its result with the version it committed (or read, if it changed nothing). */
    Executed execute(ProcessDefinition def, Object[] bound) {
        return (Executed) attempts(def, bound, true);
    }

    /**
     * The attempt loop. Returns the body's result, or an {@link Executed} with the committed version when asked
     * (workflow steps need it; plain executions do not pay for the record).
     */
    private Object attempts(ProcessDefinition def, Object[] bound, boolean withVersion) {
        RetryPolicy policy = settings.retry();
        Map<String, Object> named = interceptors.isEmpty() ? Map.of() : def.binder().named(bound);
        Path[] reads = settings.isolation() == Isolation.SERIALIZABLE ? def.compiled().readable() : null;
        boolean strict = settings.isolation() == Isolation.STRICT;
        PriorityTicket ticket = committer.ticket();
        boolean priority = false;
        Invocation invocation = null;
        try {
            for (int attempt = 1; ; attempt++) {
                TxState tx = new TxState(committer.head(), commits.now());
                invocation = interceptors.isEmpty() ? null
                        : new Invocation(def.name(), def.contract(), named, attempt, tx.snapshot());
                Object result = attempt(def, bound, tx, invocation);
                CommitResult outcome = commits.commit(CommitKind.PROCESS, def.name(), named, attempt, tx, reads,
                        strict);
                switch (outcome) {
                    case CommitResult.Committed c -> {
                        return withVersion ? new Executed(result, c.version()) : result;
                    }
                    case CommitResult.Mismatch m -> throw new VersionMismatchException(def.name(), m.expected(),
                            m.actual());
                    case CommitResult.Conflict c -> {
                        if (attempt >= policy.maxAttempts()) {
                            throw exhausted(def.name(), c, attempt);
                        }
                        if (!priority && attempt >= policy.priorityAfter()) {
                            ticket.acquire();
                            priority = true;
                        } else if (!priority) {
                            ExponentialBackoff.pause(policy, attempt);
                        }
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            afterFailure(def, invocation, named, bound, e);
            throw e;
        } finally {
            if (priority) {
                ticket.release();
            }
        }
    }

    private Object attempt(ProcessDefinition def, Object[] bound, TxState tx, Invocation invocation) {
        for (TransactionInterceptor i : interceptors) {
            i.beforeBody(invocation);
        }
        GuardedContext ctx = new GuardedContext(tx, rules, def, settings.strictGuards(), adminListener);
        try {
            Object result = invokeBody(def, ctx, bound);
            ReturnMapper.apply(def, ctx, result);
            return result;
        } finally {
            ctx.close();
        }
    }

    private Object invokeBody(ProcessDefinition def, GuardedContext ctx, Object[] bound) {
        TimeoutWatch watch = timeoutNanos > 0 ? TimeoutWatch.start(timeoutScheduler.get(), timeoutNanos) : null;
        String[] mark = NestedCalls.mark();
        String previous = mark[0];
        mark[0] = def.name();
        Throwable failure = null;
        Object result = null;
        try {
            result = def.invoker().invoke(ctx, bound);
        } catch (Throwable t) {
            failure = t;
        } finally {
            mark[0] = previous;
        }
        boolean fired = watch != null && watch.finish();
        if (fired) {
            throw new WriteTimeoutException(def.name(), "process '" + def.name() + "' ran past the write timeout of "
                    + settings.writeTimeout().toMillis() + " ms and was interrupted; nothing was committed");
        }
        if (failure != null) {
            throw translate(def, failure);
        }
        return result;
    }

    private RuntimeException translate(ProcessDefinition def, Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        if (t instanceof TheusException e) {
            return e;
        }
        boolean declared = def.declares(t);
        if (t instanceof RuntimeException e && (declared || !settings.strictGuards())) {
            return e;
        }
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new ProcessFailedException(def.name(), t, declared);
    }

    private static ConflictException exhausted(String process, CommitResult.Conflict c, int attempts) {
        List<String> paths = c.paths().stream().map(Path::toString).distinct().toList();
        String why = c.historyExceeded() ? "its snapshot fell behind the retained commit history"
                : "paths it touches were changed concurrently: " + paths;
        return new ConflictException(process, paths, attempts, "process '" + process + "' could not commit after "
                + attempts + " attempts; " + why);
    }

    private void onAdminScope(String process, String reason) {
        LOG.log(System.Logger.Level.INFO, "admin scope opened by process '" + process + "': " + reason);
        for (TransactionInterceptor i : interceptors) {
            try {
                i.onAdminScope(process, reason);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "interceptor failed in onAdminScope; ignored", e);
            }
        }
    }

    private void afterFailure(ProcessDefinition def, Invocation last, Map<String, Object> named, Object[] bound,
                              Throwable error) {
        if (interceptors.isEmpty()) {
            return;
        }
        Invocation inv = last != null ? last
                : new Invocation(def.name(), def.contract(), named, 1, committer.head());
        for (TransactionInterceptor i : interceptors) {
            try {
                i.afterFailure(inv, error);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "interceptor failed in afterFailure; ignored", e);
            }
        }
    }
}
