package io.theus.internal;

import io.theus.tx.internal.Version;

/**
 * The outcome of one successful process execution: what the body returned and the version its transaction committed
 * (the snapshot it read when it changed nothing). Workflow conditions read that version.
 *
 * <p>Immutable and thread-safe (the result is whatever the process returned).
 *
 * @param result the body's return value, or {@code null}
 * @param version the committed version
 */
public record Executed(Object result, Version version) {
}
