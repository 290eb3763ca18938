package io.theus.tx;

import io.theus.state.Path;

import java.util.Objects;

/**
 * One change a commit makes: the new value at a path, or its removal. Paths are minimal: no change's path lies under
 * another change's path in the same commit.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the changed path
 * @param value the new (frozen) value, or {@code null} when the path is removed
 * @param previous the value at the path in the snapshot the transaction started from, or {@code null} when it was
 *                 absent (gates use it to skip unchanged parts of a large value)
 */
public record Change(Path path, Object value, Object previous) {
    /**
     * Validates the path.
     *
     * @param path the changed path
     * @param value the new value or {@code null}
     * @param previous the value in the snapshot or {@code null}
     */
    public Change {
        Objects.requireNonNull(path, "path");
    }

    /**
     * Creates a change whose previous value is unknown (reported as absent).
     *
     * @param path the changed path
     * @param value the new value or {@code null}
     */
    public Change(Path path, Object value) {
        this(path, value, null);
    }

    /** {@return whether the change removes the path} */
    public boolean removed() {
        return value == null;
    }
}
