package io.theus.flux.internal;

/**
 * Why the interpreter stopped a run early, as a control-flow signal without a stack trace. {@link FluxRun} turns it
 * into the public exception once the run's result is known.
 *
 * <p>Immutable and thread-safe.
 */
abstract sealed class RunStop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Step step;

    RunStop(Step step, String message, Throwable cause) {
        super(message, cause, false, false);
        this.step = step;
    }

    /** {@return the step where the run stopped, or {@code null}} */
    Step step() {
        return step;
    }

    /** A process step failed; the cause is what the engine threw. */
    static final class StepFailed extends RunStop {
        private static final long serialVersionUID = 1L;

        StepFailed(Step.Call step, Throwable cause) {
            super(step, cause.getMessage(), cause);
        }
    }

    /** The operation limit was reached. */
    static final class LimitReached extends RunStop {
        private static final long serialVersionUID = 1L;

        LimitReached(Step step, String message) {
            super(step, message, null);
        }
    }

    /** The run was cancelled through its handle. */
    static final class Cancelled extends RunStop {
        private static final long serialVersionUID = 1L;

        Cancelled(Step step) {
            super(step, "cancelled", null);
        }
    }

    /** A sibling branch failed; this branch stopped before its next step. */
    static final class SiblingFailed extends RunStop {
        private static final long serialVersionUID = 1L;

        SiblingFailed(Step step) {
            super(step, "a sibling branch failed", null);
        }
    }
}
