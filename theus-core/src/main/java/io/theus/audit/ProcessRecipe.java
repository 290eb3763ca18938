package io.theus.audit;

import java.util.List;

/**
 * The audit rules of one process: {@code inputs} checked before its body runs, {@code outputs} checked on the values
 * about to be committed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param inputs rules on call arguments (a bare name) or declared input paths (a dotted path)
 * @param outputs rules on written values (a dotted path, or the leaf name of a declared output)
 */
public record ProcessRecipe(List<AuditRule> inputs, List<AuditRule> outputs) {
    /**
     * Copies the lists.
     *
     * @param inputs input rules
     * @param outputs output rules
     */
    public ProcessRecipe {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
