package io.theus.flux;

import java.util.Objects;

/**
 * Where a step sits in its workflow document.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the step's number in reading order of the document, from 0 (the ids of {@link RunState} frames)
 * @param kind what the step does
 * @param label the process name for process steps, the condition for {@code if} and {@code while}, otherwise the
 *              step's {@code name} or its kind
 * @param source the file or resource
 * @param line 1-based line of the step
 * @param column 1-based column of the step
 */
public record StepLocation(int id, StepKind kind, String label, String source, int line, int column) {
    /**
     * Validates the components.
     *
     * @param id step id
     * @param kind kind
     * @param label label
     * @param source source
     * @param line line
     * @param column column
     */
    public StepLocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " '" + label + "' (" + source + ":" + line + ":"
                + column + ")";
    }
}
