package io.theus.flux.internal;

import io.theus.flux.Workflow;
import io.theus.flux.WorkflowOptions;
import io.theus.flux.WorkflowResult;
import io.theus.flux.WorkflowRun;
import io.theus.internal.EngineCore;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Where {@code TheusEngine.executeWorkflow} and {@code startWorkflow} land: refuse nested calls and closed engines,
 * check the workflow against the engine, then run it on the caller's thread or on the engine's executor.
 *
 * <p>Stateless and thread-safe.
 */
public final class WorkflowLauncher {
    private static final Executor VIRTUAL_BRANCHES = task -> Thread.ofVirtual().name("theus-flux-branch")
            .start(task);

    private WorkflowLauncher() {
    }

    /**
     * Runs a workflow to its end on the calling thread.
     *
     * @param core the engine
     * @param workflow the workflow
     * @param options the options
     * @return the result
     */
    public static WorkflowResult execute(EngineCore core, Workflow workflow, WorkflowOptions options) {
        core.ensureUsable("executeWorkflow('" + Objects.requireNonNull(workflow, "workflow").name() + "')");
        return prepare(core, workflow, options).runHere();
    }

    /**
     * Starts a workflow on the engine's executor.
     *
     * @param core the engine
     * @param workflow the workflow
     * @param options the options
     * @return the handle
     */
    public static WorkflowRun start(EngineCore core, Workflow workflow, WorkflowOptions options) {
        core.ensureUsable("startWorkflow('" + Objects.requireNonNull(workflow, "workflow").name() + "')");
        FluxRun run = prepare(core, workflow, options);
        run.start(core.executor());
        return run;
    }

    private static FluxRun prepare(EngineCore core, Workflow workflow, WorkflowOptions options) {
        Objects.requireNonNull(options, "options");
        if (!(workflow instanceof LoadedWorkflow loaded)) {
            throw new IllegalArgumentException("workflow must come from Workflow.load, fromResource, read or parse, "
                    + "was " + workflow.getClass().getName());
        }
        WorkflowBinding binding = WorkflowBinding.bind(loaded, core);
        long maxOps = options.maxOps().orElse(loaded.maxOps() > 0 ? loaded.maxOps() : WorkflowOptions.DEFAULT_MAX_OPS);
        return new FluxRun(binding, core, maxOps, options.historyLimit(), options.observers(),
                options.branchExecutor().orElse(VIRTUAL_BRANCHES));
    }
}
