package io.theus.flux.internal;

import io.theus.audit.AuditAbortException;
import io.theus.flux.ConditionEvaluationException;
import io.theus.flux.RunState;
import io.theus.flux.StepEvent;
import io.theus.flux.StepLocation;
import io.theus.flux.WorkflowAbortedException;
import io.theus.flux.WorkflowCancelledException;
import io.theus.flux.WorkflowEvent;
import io.theus.flux.WorkflowException;
import io.theus.flux.WorkflowFailedException;
import io.theus.flux.WorkflowLimitException;
import io.theus.flux.WorkflowObserver;
import io.theus.flux.WorkflowProgress;
import io.theus.flux.WorkflowResult;
import io.theus.flux.WorkflowRun;
import io.theus.flux.WorkflowStatus;
import io.theus.flux.WorkflowTransition;
import io.theus.internal.EngineCore;
import io.theus.internal.Executed;
import io.theus.tx.internal.Version;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of a workflow: its state machine ({@link WorkflowStatus} with the table there), history, counters,
 * observers and completion, and the handle callers hold ({@link WorkflowRun}). The {@link Interpreter} drives it.
 *
 * <p>Thread-safe. {@code this} guards the status, the history and the tracks; the counters are atomic; observers
 * are called outside the lock, on the thread that caused the event.
 */
final class FluxRun implements WorkflowRun {
    private static final System.Logger LOG = System.getLogger("io.theus.flux");

    private final WorkflowBinding binding;
    private final EngineCore core;
    private final long maxOps;
    private final int historyLimit;
    private final InstantSource clock;
    private final List<WorkflowObserver> observers;
    private final Executor branches;
    private final Track track = Track.root(this);
    private final ArrayDeque<WorkflowTransition> history = new ArrayDeque<>();
    private final AtomicLong ops = new AtomicLong();
    private final AtomicLong steps = new AtomicLong();
    private final AtomicReference<Version> latest;
    private final CompletableFuture<WorkflowResult> done = new CompletableFuture<>();
    private WorkflowStatus status = WorkflowStatus.PENDING;
    private volatile boolean cancelRequested;

    FluxRun(WorkflowBinding binding, EngineCore core, long maxOps, int historyLimit, List<WorkflowObserver> observers,
            Executor branches) {
        this.binding = binding;
        this.core = core;
        this.maxOps = maxOps;
        this.historyLimit = historyLimit;
        this.clock = core.settings().clock();
        this.observers = observers;
        this.branches = branches;
        this.latest = new AtomicReference<>((Version) core.state());
    }

    // ---------------------------------------------------------------- running

    /**
     * Runs the workflow on the calling thread.
     *
     * @return the result of a complete run
     * @throws WorkflowException if the run fails or is cancelled
     */
    WorkflowResult runHere() {
        if (!transition(WorkflowEvent.START, "")) {
            try {
                return done.get();
            } catch (ExecutionException | InterruptedException e) {
                throw rethrow(e instanceof ExecutionException ? e.getCause() : e);
            }
        }
        try {
            new Interpreter(this, binding, core).run(latest.get());
        } catch (RunStop | Condition.ConditionFault stop) {
            WorkflowException e = terminate(stop);
            done.completeExceptionally(e);
            throw e;
        } catch (RuntimeException | Error unexpected) {
            transition(WorkflowEvent.FAIL, String.valueOf(unexpected));
            done.completeExceptionally(unexpected);
            throw unexpected;
        }
        transition(WorkflowEvent.FINISH, "");
        WorkflowResult result = result();
        done.complete(result);
        return result;
    }

    /**
     * Starts the run in the background.
     *
     * @param executor where
     */
    void start(Executor executor) {
        try {
            executor.execute(() -> {
                try {
                    runHere();
                } catch (RuntimeException | Error e) {
                    LOG.log(System.Logger.Level.DEBUG, "workflow '" + name() + "' ended: " + e.getMessage());
                }
            });
        } catch (RuntimeException rejected) {
            transition(WorkflowEvent.START, "");
            transition(WorkflowEvent.FAIL, "the executor refused the run: " + rejected);
            done.completeExceptionally(rejected);
            throw rejected;
        }
    }

    private WorkflowException terminate(RuntimeException stop) {
        String wf = "workflow '" + name() + "'";
        String source = binding.workflow().source();
        switch (stop) {
            case RunStop.Cancelled c -> {
                transition(WorkflowEvent.CANCEL, "cancelled");
                return new WorkflowCancelledException(wf + " was cancelled after " + steps.get() + " step(s)",
                        result(), source);
            }
            case RunStop.LimitReached l -> {
                transition(WorkflowEvent.FAIL, l.getMessage());
                StepLocation at = l.step().location();
                return new WorkflowLimitException(wf + " " + l.getMessage(), maxOps, result(), source, at.line(),
                        at.column());
            }
            case Condition.ConditionFault f -> {
                transition(WorkflowEvent.FAIL, f.getMessage());
                return new ConditionEvaluationException(wf + ": " + f.getMessage() + " (" + source + ":"
                        + f.at().line() + ":" + f.at().column() + ")", f.condition().text(), result(), source,
                        f.at().line(), f.at().column());
            }
            case RunStop.StepFailed s -> {
                return stepFailed(wf, source, s);
            }
            default -> {
                transition(WorkflowEvent.FAIL, String.valueOf(stop.getMessage()));
                return new WorkflowFailedException(wf + " failed: " + stop.getMessage(), null, result(), source, 0,
                        0, stop);
            }
        }
    }

    private WorkflowException stepFailed(String wf, String source, RunStop.StepFailed s) {
        Throwable cause = s.getCause();
        StepLocation at = s.step().location();
        boolean abort = cause instanceof AuditAbortException;
        transition(WorkflowEvent.FAIL, (abort ? "aborted by audit at " : "failed at ") + at + ": " + cause);
        String message = wf + (abort ? " was aborted by an audit rule of level A at " : " failed at ") + at
                + " after " + steps.get() + " step(s): " + cause.getMessage();
        return abort
                ? new WorkflowAbortedException(message, at.label(), result(), source, at.line(), at.column(), cause)
                : new WorkflowFailedException(message, at.label(), result(), source, at.line(), at.column(), cause);
    }

    // ---------------------------------------------------------------- called by the interpreter

    void countOp(Step step) {
        long n = ops.incrementAndGet();
        if (n > maxOps) {
            ops.decrementAndGet();
            throw new RunStop.LimitReached(step, "reached max_ops = " + maxOps + " (process steps plus loop "
                    + "iterations) at " + step.location() + "; raise max_ops if the work is legitimate, or check "
                    + "the loop's condition");
        }
    }

    void checkStop(Track t, Step step) {
        if (cancelRequested) {
            throw new RunStop.Cancelled(step);
        }
        if (!t.isMain() && t.siblingFailed()) {
            throw new RunStop.SiblingFailed(step);
        }
    }

    void awaiting(Track t, Step step) {
        if (t.isMain()) {
            transition(WorkflowEvent.AWAIT, binding.workflow().describe(step.id()));
        }
    }

    void resumed(Track t, Step step) {
        if (t.isMain()) {
            transition(WorkflowEvent.RESUME, binding.workflow().describe(step.id()));
        }
    }

    void stepDone(Step.Call call, Executed executed) {
        long n = steps.incrementAndGet();
        Version v = executed.version();
        latest.accumulateAndGet(v, (a, b) -> b.version() > a.version() ? b : a);
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "workflow '" + name() + "' step " + n + ": "
                    + binding.workflow().describe(call.id()) + " committed version " + v.version());
        }
        if (!observers.isEmpty()) {
            StepEvent event = new StepEvent(call.location(), n, v, executed.result());
            for (WorkflowObserver o : observers) {
                try {
                    o.onStep(event);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "workflow observer " + o.getClass().getName()
                            + " failed in onStep; ignored", e);
                }
            }
        }
    }

    Executor branchExecutor() {
        return branches;
    }

    Track track() {
        return track;
    }

    String name() {
        return binding.workflow().name();
    }

    // ---------------------------------------------------------------- state machine

    private boolean transition(WorkflowEvent event, String detail) {
        WorkflowTransition t;
        synchronized (this) {
            t = record(event, detail);
        }
        if (t == null) {
            return false;
        }
        notifyObservers(t);
        return true;
    }

    /** Applies an event if the table allows it from the current state; the caller holds the lock. */
    private WorkflowTransition record(WorkflowEvent event, String detail) {
        WorkflowStatus next = Transitions.next(status, event);
        if (next == null) {
            return null;
        }
        WorkflowTransition t = new WorkflowTransition(status, event, next, clock.instant(), detail);
        status = next;
        if (history.size() == historyLimit) {
            history.removeFirst();
        }
        history.addLast(t);
        return t;
    }

    private void notifyObservers(WorkflowTransition t) {
        for (WorkflowObserver o : observers) {
            try {
                o.onTransition(t);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "workflow observer " + o.getClass().getName()
                        + " failed in onTransition; ignored", e);
            }
        }
    }

    private WorkflowResult result() {
        synchronized (this) {
            return new WorkflowResult(name(), status, steps.get(), ops.get(), latest.get(), List.copyOf(history));
        }
    }

    // ---------------------------------------------------------------- the handle

    @Override
    public String workflow() {
        return name();
    }

    @Override
    public synchronized WorkflowStatus status() {
        return status;
    }

    @Override
    public Optional<StepLocation> currentStep() {
        int id = track.currentStep();
        return id < 0 ? Optional.empty() : Optional.of(binding.workflow().steps().get(id));
    }

    @Override
    public WorkflowProgress progress() {
        return new WorkflowProgress(status(), steps.get(), ops.get(), maxOps, latest.get().version());
    }

    @Override
    public synchronized List<WorkflowTransition> history() {
        return List.copyOf(history);
    }

    @Override
    public RunState runState() {
        synchronized (this) {
            return new RunState(name(), ops.get(), steps.get(), latest.get().version(), track.snapshot());
        }
    }

    @Override
    public boolean cancel() {
        WorkflowTransition t;
        synchronized (this) {
            if (status.isTerminal()) {
                return false;
            }
            cancelRequested = true;
            if (status != WorkflowStatus.PENDING) {
                return true;
            }
            t = record(WorkflowEvent.CANCEL, "cancelled before it started");
        }
        notifyObservers(t);
        done.completeExceptionally(new WorkflowCancelledException("workflow '" + name()
                + "' was cancelled before it started", result(), binding.workflow().source()));
        return true;
    }

    @Override
    public WorkflowResult await() throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    @Override
    public Optional<WorkflowResult> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(done.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(cause);
    }

    @Override
    public CompletableFuture<WorkflowResult> completion() {
        return done.copy();
    }

    @Override
    public String toString() {
        return "WorkflowRun[" + name() + ", " + status() + "]";
    }
}
