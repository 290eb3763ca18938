package io.theus.audit.internal;

import io.theus.audit.AuditAbortException;
import io.theus.audit.AuditBlockException;
import io.theus.audit.AuditEntry.Kind;
import io.theus.audit.AuditInterlockException;
import io.theus.audit.AuditLevel;
import io.theus.audit.AuditRecipe;
import io.theus.audit.AuditRule;
import io.theus.audit.AuditSettings;
import io.theus.audit.AuditStopException;
import io.theus.audit.AuditViolationException;
import io.theus.contract.ProcessInfo;
import io.theus.state.StateSnapshot;
import io.theus.state.internal.Conversions;
import io.theus.tx.CommitCandidate;
import io.theus.tx.CommitKind;
import io.theus.tx.Invocation;
import io.theus.tx.TransactionInterceptor;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Audit as a transaction interceptor (SPEC §5): the interlock and the input gate before the body, the output gate
 * before the commit, success, failure and admin-scope entries after. It never touches the commit path itself.
 *
 * <p>Per execution, a {@link Trace} on the executing thread collects the entries of non-raising violations and the
 * counter increments of the current attempt. When a conflict re-runs the process, the next attempt takes back the
 * previous attempt's increments and drops its entries, so a retried execution is counted once. A raising violation
 * (S, A, B at its threshold) writes its entries at once and ends the execution.
 *
 * <p>Thread-safe: shared state is in {@link EngineAudit} and the concurrent cache of bound rules; traces are
 * confined to their thread.
 */
public final class AuditInterceptor implements TransactionInterceptor {
    private final EngineAudit book;
    private final AuditRecipe recipe;
    private final AuditSettings settings;
    private final AuditCounters counters;
    private final ConcurrentHashMap<String, ProcessRules> bound = new ConcurrentHashMap<>();
    private final ThreadLocal<Trace> traces = new ThreadLocal<>();

    /**
     * Creates the interceptor recording into an engine's audit.
     *
     * @param book the engine's audit
     */
    public AuditInterceptor(EngineAudit book) {
        this.book = book;
        this.recipe = book.recipe();
        this.settings = recipe.settings();
        this.counters = book.counterStore();
    }

    @Override
    public void onRegister(ProcessInfo process) {
        recipe.process(process.name())
                .ifPresent(r -> ProcessRules.bind(process.name(), r, process.contract(), process.params()));
    }

    @Override
    public void beforeBody(Invocation inv) {
        book.refuseIfInterlocked(inv.process());
        ProcessRules rules = bound.computeIfAbsent(inv.process(), p -> recipe.process(p)
                .map(r -> ProcessRules.bind(p, r, inv.contract(), null)).orElse(ProcessRules.NONE));
        Trace trace = traces.get();
        if (trace != null && inv.attempt() > 1 && trace.process.equals(inv.process())) {
            trace.retry(counters);
        } else if (!rules.isEmpty()) {
            trace = new Trace(inv.process(), rules);
            traces.set(trace);
        } else {
            traces.remove();
            return;
        }
        for (ProcessRules.InputRule r : rules.inputs()) {
            Object value = r.value(inv);
            if (value != null) {
                check(trace, r.check(), r.key(), r.target(), value);
            }
        }
    }

    @Override
    public void beforeCommit(CommitCandidate c) {
        if (c.kind() != CommitKind.PROCESS) {
            return;
        }
        book.refuseIfInterlocked(c.process());
        Trace trace = traces.get();
        if (trace == null || !trace.process.equals(c.process())) {
            return;
        }
        for (ProcessRules.OutputRule r : trace.rules.outputs()) {
            for (Map.Entry<String, Object> t : OutputTargets.of(r.pattern(), c.changes(), c.pending()).entrySet()) {
                check(trace, r.check(), r.key(), "output '" + t.getKey() + "'", t.getValue());
            }
        }
    }

    @Override
    public void afterCommit(CommitCandidate c, StateSnapshot committed) {
        if (c.kind() != CommitKind.PROCESS) {
            book.record(Kind.SUCCESS, AuditLevel.I, c.kind().name().toLowerCase(Locale.ROOT), null,
                    c.kind().name().toLowerCase(Locale.ROOT) + " committed version " + committed.version() + " ("
                            + c.changes().size() + " change(s))");
            return;
        }
        Trace trace = takeTrace(c.process());
        boolean clean = trace == null || !trace.counted;
        if (clean && settings.resetOnSuccess()) {
            counters.resetProcess(c.process());
        }
        book.record(Kind.SUCCESS, AuditLevel.I, c.process(), c.process(), "process '" + c.process() + "' "
                + (c.isEmpty() ? "succeeded without changes at version " : "committed version ")
                + committed.version() + (clean ? "" : " with counted violations"));
    }

    @Override
    public void afterFailure(Invocation inv, Throwable error) {
        takeTrace(inv.process());
        if (error instanceof AuditViolationException || error instanceof AuditInterlockException) {
            return;
        }
        failure(inv.process(), error);
    }

    @Override
    public void onAdminScope(String process, String reason) {
        book.record(Kind.ADMIN_SCOPE, AuditLevel.I, process, process, "process '" + process
                + "' opened an admin scope: " + reason);
    }

    private Trace takeTrace(String process) {
        Trace trace = traces.get();
        traces.remove();
        if (trace == null || !trace.process.equals(process)) {
            return null;
        }
        trace.flush(book);
        return trace;
    }

    private void check(Trace trace, RuleCheck check, String key, String target, Object value) {
        String failed = check.firstFailure(value);
        if (failed == null) {
            return;
        }
        AuditRule rule = check.rule();
        AuditLevel level = rule.level() != null ? rule.level() : settings.level();
        String p = trace.process;
        String text = "process '" + p + "': " + target + " = " + Conversions.describe(value) + " violates " + failed
                + (rule.message() != null ? " (" + rule.message() + ")" : "") + ", level " + level;
        switch (level) {
            case I -> trace.pend(book, Kind.VIOLATION, level, key, text);
            case C -> {
                int n = counters.increment(p, key, Integer.MAX_VALUE);
                trace.counted(key);
                trace.pend(book, Kind.VIOLATION, level, key, text + ", count " + n);
                warn(trace, level, key, n);
            }
            case B -> block(trace, rule, key, text);
            case A -> {
                raiseEntries(trace, level, key, text);
                throw new AuditAbortException(p, key, text + "; the execution is rejected and the running workflow "
                        + "aborted");
            }
            case S -> {
                raiseEntries(trace, level, key, text);
                book.trip(level, key, p, "interlock tripped by " + text);
                throw new AuditStopException(p, key, text + "; the engine is interlocked until "
                        + "engine.audit().resetInterlock(reason) is called");
            }
        }
    }

    private void block(Trace trace, AuditRule rule, String key, String text) {
        String p = trace.process;
        int max = rule.thresholdMax() != null ? rule.thresholdMax() : settings.thresholdMax();
        int n = counters.increment(p, key, max);
        String counted = text + ", count " + n + " of threshold_max " + max;
        if (n < max) {
            trace.counted(key);
            trace.pend(book, Kind.VIOLATION, AuditLevel.B, key, counted);
            warn(trace, AuditLevel.B, key, n);
            return;
        }
        trace.flush(book);
        book.record(Kind.VIOLATION, AuditLevel.B, key, p, counted);
        book.record(Kind.BLOCK, AuditLevel.B, key, p, "'" + key + "' reached threshold_max " + max
                + ": execution of process '" + p + "' blocked, counter reset");
        throw new AuditBlockException(p, key, counted + "; threshold_max reached, so the transaction is blocked and "
                + "the counter reset");
    }

    private void raiseEntries(Trace trace, AuditLevel level, String key, String text) {
        int n = counters.increment(trace.process, key, Integer.MAX_VALUE);
        trace.flush(book);
        book.record(Kind.VIOLATION, level, key, trace.process, text + ", count " + n);
        warn(trace, level, key, n);
        trace.flush(book);
    }

    private void warn(Trace trace, AuditLevel level, String key, int n) {
        if (settings.thresholdMin() > 0 && n == settings.thresholdMin()) {
            trace.pend(book, Kind.WARNING, level, key, "'" + key + "' reached threshold_min " + n);
        }
    }

    private void failure(String process, Throwable error) {
        AuditLevel level = settings.level();
        String key = process + ":failure";
        String what = error.getClass().getSimpleName() + ": " + error.getMessage();
        book.record(Kind.FAILURE, level, key, process, "process '" + process + "' failed: " + what);
        if (level == AuditLevel.I) {
            return;
        }
        int max = settings.thresholdMax();
        int n = counters.increment(process, key, level == AuditLevel.C ? Integer.MAX_VALUE : max);
        if (settings.thresholdMin() > 0 && n == settings.thresholdMin()) {
            book.record(Kind.WARNING, level, key, process, "'" + key + "' reached threshold_min " + n);
        }
        if (level == AuditLevel.C || n < max) {
            return;
        }
        String reached = n + " failure(s) of process '" + process + "' reached threshold_max " + max;
        if (level == AuditLevel.S) {
            book.trip(level, key, process, "interlock tripped: " + reached + " (last: " + what + ")");
        } else {
            book.record(Kind.BLOCK, level, key, process, reached + "; counter reset");
        }
    }
}
