package io.theus.flux.internal;

import io.theus.internal.EngineCore;
import io.theus.internal.Executed;
import io.theus.tx.internal.Version;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Walks a workflow's syntax tree. Each block is run step by step; each process step is one normal execution of the
 * engine (guards, audit, schema, retries), and the version it committed is what the next condition reads: the
 * interpreter threads that version through explicitly instead of re-reading the engine's head, so a condition never
 * sees commits made by others after the step (SPEC W3).
 *
 * <p>{@code flux: parallel} runs each branch on the run's branch executor, all starting from the version before the
 * block; inside a branch, conditions read what that branch's previous step committed. After the block, the run
 * continues from the newest version committed by any branch (which contains every branch's writes, versions being
 * linear), with the signals latched on that one version.
 *
 * <p>Every process step and every loop iteration counts one operation against {@code max_ops}; cancellation and a
 * failed sibling branch are checked before each step and each iteration.
 *
 * <p>Thread-safe: all state is on the stack or in the {@link FluxRun}; branch threads share only the run.
 */
final class Interpreter {
    private static final System.Logger LOG = System.getLogger("io.theus.flux");

    private final FluxRun run;
    private final WorkflowBinding binding;
    private final EngineCore core;

    Interpreter(FluxRun run, WorkflowBinding binding, EngineCore core) {
        this.run = run;
        this.binding = binding;
        this.core = core;
    }

    Version run(Version start) {
        return block(binding.workflow().block(), start, run.track());
    }

    private Version block(List<Step> steps, Version seen, Track track) {
        track.push();
        try {
            for (Step step : steps) {
                run.checkStop(track, step);
                track.at(step.id());
                seen = switch (step) {
                    case Step.Call c -> call(c, track);
                    case Step.If i -> test(i, i.condition(), seen) ? block(i.then(), seen, track)
                            : i.otherwise().isEmpty() ? seen : block(i.otherwise(), seen, track);
                    case Step.While w -> loop(w, seen, track);
                    case Step.Run r -> block(r.steps(), seen, track);
                    case Step.Parallel p -> parallel(p, seen, track);
                };
            }
            return seen;
        } finally {
            track.pop();
        }
    }

    private Version call(Step.Call c, Track track) {
        run.countOp(c);
        run.awaiting(track, c);
        Executed executed;
        try {
            executed = core.executeStep(binding.definition(c), binding.arguments(c));
        } catch (RuntimeException e) {
            throw new RunStop.StepFailed(c, e);
        }
        run.resumed(track, c);
        run.stepDone(c, executed);
        return executed.version();
    }

    private Version loop(Step.While w, Version seen, Track track) {
        long iteration = 0;
        while (test(w, w.condition(), seen)) {
            run.countOp(w);
            track.iteration(++iteration);
            run.checkStop(track, w);
            seen = block(w.body(), seen, track);
        }
        return seen;
    }

    private boolean test(Step step, Condition condition, Version seen) {
        if (!LOG.isLoggable(System.Logger.Level.DEBUG)) {
            return condition.test(seen, null);
        }
        Trace trace = new Trace(condition.text());
        boolean result = condition.test(seen, trace);
        LOG.log(System.Logger.Level.DEBUG, "workflow '" + run.name() + "' " + step.location() + ": condition `"
                + condition.text() + "` on version " + seen.version() + " is " + (result ? "True" : "False")
                + " with " + trace);
        return result;
    }

    private Version parallel(Step.Parallel p, Version seen, Track track) {
        List<List<Step>> branches = p.branches();
        int n = branches.size();
        BranchGroup group = new BranchGroup(n);
        Track[] tracks = track.fork(group, n);
        Version[] ends = new Version[n];
        Executor executor = run.branchExecutor();
        run.awaiting(track, p);
        boolean interrupted;
        try {
            for (int i = 0; i < n; i++) {
                int b = i;
                Runnable branch = () -> {
                    try {
                        ends[b] = block(branches.get(b), seen, tracks[b]);
                    } catch (Throwable t) {
                        group.fail(t);
                    } finally {
                        group.done();
                    }
                };
                try {
                    executor.execute(branch);
                } catch (RejectedExecutionException e) {
                    group.fail(new RunStop.StepFailed(firstCall(branches.get(b)), e));
                    group.done();
                }
            }
            interrupted = group.awaitAll();
        } finally {
            track.join();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (group.failed()) {
            throw rethrow(group.failure());
        }
        run.resumed(track, p);
        return newest(seen, ends);
    }

    private static Step.Call firstCall(List<Step> block) {
        for (Step s : block) {
            Step.Call c = switch (s) {
                case Step.Call call -> call;
                case Step.If i -> firstCall(i.then());
                case Step.While w -> firstCall(w.body());
                case Step.Run r -> firstCall(r.steps());
                case Step.Parallel p -> firstCall(p.branches().get(0));
            };
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static Version newest(Version seen, Version[] ends) {
        Version newest = seen;
        for (Version v : ends) {
            if (v != null && v.version() > newest.version()) {
                newest = v;
            }
        }
        return newest;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
