package io.theus.flux.internal;

import io.theus.flux.StepLocation;

import java.util.List;
import java.util.Map;

/**
 * A validated step of a workflow (SPEC W1): the syntax tree the interpreter walks. Blocks are non-empty lists.
 *
 * <p>Implementations are immutable and thread-safe.
 */
sealed interface Step {

    /** {@return where the step is, with its id} */
    StepLocation location();

    /** {@return the step's id: its index in reading order} */
    default int id() {
        return location().id();
    }

    /**
     * Runs a process.
     *
     * @param location where
     * @param process the process name
     * @param args constant arguments (immutable; may be empty)
     * @param argsAt where the arguments are, for binding errors (the name's position when there are none)
     */
    record Call(StepLocation location, String process, Map<String, Object> args, SourcePos argsAt)
            implements Step {
    }

    /**
     * {@code flux: if}.
     *
     * @param location where
     * @param condition the condition
     * @param then the block run when it holds
     * @param otherwise the block run when it does not (empty when there is no {@code else})
     */
    record If(StepLocation location, Condition condition, List<Step> then, List<Step> otherwise) implements Step {
    }

    /**
     * {@code flux: while}.
     *
     * @param location where
     * @param condition the condition, evaluated before each iteration
     * @param body the block run per iteration
     */
    record While(StepLocation location, Condition condition, List<Step> body) implements Step {
    }

    /**
     * {@code flux: run}: a nested block.
     *
     * @param location where
     * @param steps the block
     */
    record Run(StepLocation location, List<Step> steps) implements Step {
    }

    /**
     * {@code flux: parallel}: branches run concurrently, each step in its own transaction.
     *
     * @param location where
     * @param branches one block per branch
     */
    record Parallel(StepLocation location, List<List<Step>> branches) implements Step {
    }
}
