package io.theus.internal.yaml;

import org.snakeyaml.engine.v2.exceptions.Mark;

import java.util.Optional;

/**
 * A 1-based line and column in a YAML document.
 *
 * <p>Immutable and thread-safe.
 *
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record Position(int line, int column) {
    /** The position of a problem that concerns the whole document (or whose place is not known). */
    public static final Position UNKNOWN = new Position(0, 0);

    /**
     * Converts a SnakeYAML mark (0-based).
     *
     * @param mark the mark, if any
     * @return its position, or {@link #UNKNOWN}
     */
    static Position of(Optional<Mark> mark) {
        return mark.map(m -> new Position(m.getLine() + 1, m.getColumn() + 1)).orElse(UNKNOWN);
    }
}
