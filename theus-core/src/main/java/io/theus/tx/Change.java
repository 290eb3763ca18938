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
 */
public record Change(Path path, Object value) {
    /**
     * Validates the path.
     *
     * @param path the changed path
     * @param value the new value or {@code null}
     */
    public Change {
        Objects.requireNonNull(path, "path");
    }

    /** {@return whether the change removes the path} */
    public boolean removed() {
        return value == null;
    }
}
