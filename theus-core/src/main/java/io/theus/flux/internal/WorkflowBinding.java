package io.theus.flux.internal;

import io.theus.ArgumentBindingException;
import io.theus.UnknownProcessException;
import io.theus.contract.internal.ProcessDefinition;
import io.theus.flux.WorkflowDefinitionException;
import io.theus.internal.EngineCore;
import io.theus.state.Path;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A workflow checked against one engine before it runs: every process it names is registered and accepts its
 * arguments (bound once here; each execution gets a copy), and every name its conditions read is {@code domain},
 * {@code global}, {@code signal}, {@code cmd} or a namespace of the engine. The first problem in document order is
 * a {@link WorkflowDefinitionException} at its position.
 *
 * <p>A binding stays valid for the engine's lifetime (processes are never unregistered, roots are fixed when the
 * engine is built), so a workflow keeps the binding of the last engine it ran on and reuses it; the binding holds
 * that engine weakly.
 *
 * <p>Immutable and thread-safe after construction (the bound argument arrays are only ever copied).
 */
final class WorkflowBinding {
    private static final Set<String> FIXED_ROOTS = Set.of(Path.DOMAIN_ROOT, Path.GLOBAL_ROOT, "signal", "cmd");

    private final LoadedWorkflow workflow;
    private final WeakReference<EngineCore> engine;
    private final ProcessDefinition[] definitions;
    private final Object[][] arguments;

    private WorkflowBinding(LoadedWorkflow workflow, EngineCore engine, ProcessDefinition[] definitions,
                            Object[][] arguments) {
        this.workflow = workflow;
        this.engine = new WeakReference<>(engine);
        this.definitions = definitions;
        this.arguments = arguments;
    }

    /**
     * Binds a workflow to an engine.
     *
     * @param workflow the workflow
     * @param core the engine
     * @return the binding
     * @throws WorkflowDefinitionException at the first step that does not fit the engine
     */
    static WorkflowBinding bind(LoadedWorkflow workflow, EngineCore core) {
        WorkflowBinding last = workflow.lastBinding();
        if (last != null && last.engine.get() == core) {
            return last;
        }
        WorkflowBinding made = check(workflow, core);
        workflow.lastBinding(made);
        return made;
    }

    private static WorkflowBinding check(LoadedWorkflow workflow, EngineCore core) {
        int n = workflow.stepCount();
        ProcessDefinition[] defs = new ProcessDefinition[n];
        Object[][] args = new Object[n][];
        Set<String> roots = new TreeSet<>(core.rules().roots());
        roots.remove(Path.HEAVY_ROOT);
        roots.addAll(FIXED_ROOTS);
        List<Step> all = new ArrayList<>();
        flatten(workflow.block(), all);
        for (Step step : all) {
            switch (step) {
                case Step.Call c -> bindCall(workflow, core, c, defs, args);
                case Step.If i -> checkRoots(workflow, i.condition(), roots);
                case Step.While w -> checkRoots(workflow, w.condition(), roots);
                case Step.Run r -> {
                }
                case Step.Parallel p -> {
                }
            }
        }
        return new WorkflowBinding(workflow, core, defs, args);
    }

    private static void flatten(List<Step> block, List<Step> into) {
        for (Step s : block) {
            into.add(s);
            switch (s) {
                case Step.If i -> {
                    flatten(i.then(), into);
                    flatten(i.otherwise(), into);
                }
                case Step.While w -> flatten(w.body(), into);
                case Step.Run r -> flatten(r.steps(), into);
                case Step.Parallel p -> p.branches().forEach(b -> flatten(b, into));
                case Step.Call c -> {
                }
            }
        }
    }

    private static void bindCall(LoadedWorkflow wf, EngineCore core, Step.Call c, ProcessDefinition[] defs,
                                 Object[][] args) {
        ProcessDefinition def;
        try {
            def = core.registry().get(c.process());
        } catch (UnknownProcessException e) {
            throw new WorkflowDefinitionException(wf.source(), c.location().line(), c.location().column(),
                    e.getMessage(), "the name of a process registered on the engine", e);
        }
        try {
            args[c.id()] = def.binder().bind(c.args());
        } catch (ArgumentBindingException e) {
            throw new WorkflowDefinitionException(wf.source(), c.argsAt().line(), c.argsAt().column(),
                    "arguments of process '" + c.process() + "': " + e.getMessage(), "arguments the process accepts",
                    e);
        }
        defs[c.id()] = def;
    }

    private static void checkRoots(LoadedWorkflow wf, Condition condition, Set<String> roots) {
        for (Expr.Root r : condition.roots()) {
            if (!roots.contains(r.name())) {
                SourcePos at = condition.position(r.start());
                throw new WorkflowDefinitionException(wf.source(), at.line(), at.column(), "unknown name '"
                        + r.name() + "' in condition `" + condition.text() + "`", "one of " + String.join(", ",
                        roots) + " (namespaces are registered on the engine builder)", null);
            }
        }
    }

    LoadedWorkflow workflow() {
        return workflow;
    }

    ProcessDefinition definition(Step.Call call) {
        return definitions[call.id()];
    }

    /** {@return a fresh copy of the bound arguments of a call: the invoker writes the context into its array} */
    Object[] arguments(Step.Call call) {
        return arguments[call.id()].clone();
    }
}
