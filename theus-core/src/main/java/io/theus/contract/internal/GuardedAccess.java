package io.theus.contract.internal;

import io.theus.state.internal.PathAccess;

/**
 * A resolved path plus what one process's contract grants on it. Cached per process.
 *
 * <p>Immutable and thread-safe.
 *
 * @param access the path, zone and ceilings
 * @param granted capability bits the contract grants
 */
public record GuardedAccess(PathAccess access, int granted) {
}
