package io.theus.flux.internal;

import io.theus.flux.WorkflowDefinitionException;
import io.theus.state.StateSnapshot;
import io.theus.tx.internal.Version;

import java.util.function.Predicate;

/**
 * Compiles a single condition outside a workflow, for measurements (theus-benchmarks) and tools. The predicate
 * evaluates the condition on a committed snapshot exactly as a workflow does.
 *
 * <p>Stateless and thread-safe; the predicates are immutable and thread-safe.
 */
public final class Conditions {
    private Conditions() {
    }

    /**
     * Compiles a condition.
     *
     * @param text the condition
     * @return a predicate over snapshots handed out by an engine; it throws {@link IllegalStateException} with the
     *         condition's message when the condition cannot be evaluated on a snapshot
     * @throws WorkflowDefinitionException if the text is outside the grammar
     */
    public static Predicate<StateSnapshot> compile(String text) {
        Condition condition;
        try {
            condition = Condition.compile(text, offset -> new SourcePos(1, offset + 1));
        } catch (ExpressionSyntaxException e) {
            throw new WorkflowDefinitionException("condition", 1, e.offset() + 1, "invalid condition `" + text
                    + "`: " + e.problem(), e.expected(), null);
        }
        return snapshot -> {
            try {
                return condition.test((Version) snapshot, null);
            } catch (Condition.ConditionFault f) {
                throw new IllegalStateException(f.getMessage());
            }
        };
    }
}
