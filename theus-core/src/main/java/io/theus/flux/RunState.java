package io.theus.flux;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The position of a run as a small serialisable value: where it is in the workflow, how many times each enclosing
 * loop has iterated, and how many operations it has used. This is what a durable store checkpoints with each step's
 * commit so that a run can resume after a crash (SPEC W5; resuming comes with the durable store).
 *
 * <p>{@code frames} go from the outermost block of the workflow to the innermost one the run is in; each frame names
 * the step the run is at in that block. A {@code flux: parallel} frame carries one frame list per branch.
 *
 * <p>Immutable and thread-safe.
 *
 * @param workflow the workflow's name
 * @param opsUsed operations counted against {@code max_ops}
 * @param stepsExecuted process steps executed
 * @param version the latest version committed by a step of the run (or the version it started from)
 * @param frames the position, outermost first; empty before the first step and after the last
 */
public record RunState(String workflow, long opsUsed, long stepsExecuted, long version, List<Frame> frames)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Copies the frames.
     *
     * @param workflow name
     * @param opsUsed ops
     * @param stepsExecuted steps
     * @param version version
     * @param frames frames
     */
    public RunState {
        Objects.requireNonNull(workflow, "workflow");
        frames = List.copyOf(frames);
    }

    /**
     * One level of the position.
     *
     * <p>Immutable and thread-safe.
     *
     * @param step the id of the step the run is at in this block ({@link StepLocation#id()}), or -1 before the
     *             block's first step
     * @param iteration for a {@code flux: while} step, the iteration being run (1-based; 0 while the condition is
     *                  evaluated first); otherwise 0
     * @param branches for a {@code flux: parallel} step, the position of each branch (empty when a branch has not
     *                 started or has finished); otherwise empty
     */
    public record Frame(int step, long iteration, List<List<Frame>> branches) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        /**
         * Copies the branches.
         *
         * @param step step id
         * @param iteration iteration
         * @param branches branch positions
         */
        public Frame {
            branches = branches.stream().map(List::copyOf).toList();
        }
    }
}
