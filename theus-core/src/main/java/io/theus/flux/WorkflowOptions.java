package io.theus.flux;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;

/**
 * How a workflow run is carried out: its operation limit, its observers, where parallel branches run and how much
 * history it keeps. Every option is validated when set.
 *
 * {@snippet :
 * WorkflowOptions options = WorkflowOptions.builder()
 *         .maxOps(50_000)                 // overrides the workflow's max_ops and the default of 10 000
 *         .observer(myObserver)
 *         .branchExecutor(boundedPool)    // default: one virtual thread per parallel branch
 *         .build();
 * }
 *
 * <p>Immutable and thread-safe once built (observers and the executor are the caller's thread-safe objects).
 */
public final class WorkflowOptions {
    /** The operation limit when neither the options nor the workflow sets one. */
    public static final long DEFAULT_MAX_OPS = 10_000;
    /** How many state changes a run's history keeps by default. */
    public static final int DEFAULT_HISTORY_LIMIT = 10_000;

    private static final WorkflowOptions DEFAULTS = builder().build();

    private final OptionalLong maxOps;
    private final List<WorkflowObserver> observers;
    private final Executor branchExecutor;
    private final int historyLimit;

    private WorkflowOptions(Builder b) {
        this.maxOps = b.maxOps;
        this.observers = List.copyOf(b.observers);
        this.branchExecutor = b.branchExecutor;
        this.historyLimit = b.historyLimit;
    }

    /** {@return the default options} */
    public static WorkflowOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the operation limit set here; empty to use the workflow's {@code max_ops} or the default} */
    public OptionalLong maxOps() {
        return maxOps;
    }

    /** {@return the observers, in the order they are called} */
    public List<WorkflowObserver> observers() {
        return observers;
    }

    /** {@return the executor that runs parallel branches; empty for one virtual thread per branch} */
    public Optional<Executor> branchExecutor() {
        return Optional.ofNullable(branchExecutor);
    }

    /** {@return how many state changes the run's history keeps (the most recent ones)} */
    public int historyLimit() {
        return historyLimit;
    }

    /** Builds {@link WorkflowOptions}. Not thread-safe. */
    public static final class Builder {
        private OptionalLong maxOps = OptionalLong.empty();
        private final List<WorkflowObserver> observers = new ArrayList<>();
        private Executor branchExecutor;
        private int historyLimit = DEFAULT_HISTORY_LIMIT;

        private Builder() {
        }

        /**
         * Limits the operations of a run: every process step and every loop iteration counts one. A run that would
         * exceed it fails with {@link WorkflowLimitException}. Overrides the workflow's own {@code max_ops}.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder maxOps(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxOps must be >= 1, was " + value);
            }
            this.maxOps = OptionalLong.of(value);
            return this;
        }

        /**
         * Adds an observer (called in the order added).
         *
         * @param value the observer
         * @return this builder
         */
        public Builder observer(WorkflowObserver value) {
            observers.add(Objects.requireNonNull(value, "observer"));
            return this;
        }

        /**
         * Runs parallel branches on an executor (e.g. a bounded pool for CPU-bound processes). The engine does not
         * shut it down. An executor with fewer threads than a block has branches runs them partly one after
         * another; a rejecting executor fails the run.
         *
         * @param value the executor
         * @return this builder
         */
        public Builder branchExecutor(Executor value) {
            this.branchExecutor = Objects.requireNonNull(value, "branchExecutor");
            return this;
        }

        /**
         * Sets how many state changes the run's history keeps; older ones are dropped.
         *
         * @param value at least 2
         * @return this builder
         */
        public Builder historyLimit(int value) {
            if (value < 2) {
                throw new IllegalArgumentException("historyLimit must be >= 2, was " + value);
            }
            this.historyLimit = value;
            return this;
        }

        /** {@return the options} */
        public WorkflowOptions build() {
            return new WorkflowOptions(this);
        }
    }
}
