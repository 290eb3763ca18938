package io.theus.contract;

import java.util.List;
import java.util.Objects;

/**
 * A process contract: which paths it reads and writes, which errors it may raise, its side effects and its kind.
 * Validated when the process is registered.
 *
 * <p>Immutable and thread-safe.
 *
 * @param inputs paths the process may read (each grants its subtree; {@code *} matches one segment)
 * @param outputs paths the process may write; writing implies reading
 * @param errors exception types the process may raise
 * @param sideEffects side effects outside the state (informational)
 * @param semantic the kind of process
 */
public record Contract(List<String> inputs, List<String> outputs, List<Class<? extends Throwable>> errors,
                       List<String> sideEffects, Semantic semantic) {

    /**
     * Copies and validates the components.
     *
     * @param inputs readable paths
     * @param outputs writable paths
     * @param errors declared error types
     * @param sideEffects side effects
     * @param semantic kind
     */
    public Contract {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        errors = List.copyOf(errors);
        sideEffects = List.copyOf(sideEffects);
        Objects.requireNonNull(semantic, "semantic");
    }

    /**
     * Reads the contract from an annotation.
     *
     * @param annotation the annotation
     * @return the contract
     */
    public static Contract of(TheusProcess annotation) {
        return new Contract(List.of(annotation.inputs()), List.of(annotation.outputs()),
                List.of(annotation.errors()), List.of(annotation.sideEffects()), annotation.semantic());
    }
}
