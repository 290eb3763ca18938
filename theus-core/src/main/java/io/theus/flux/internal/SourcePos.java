package io.theus.flux.internal;

/**
 * A 1-based line and column in a workflow document.
 *
 * <p>Immutable and thread-safe.
 *
 * @param line 1-based line (0 if unknown)
 * @param column 1-based column (0 if unknown)
 */
record SourcePos(int line, int column) {
    static final SourcePos UNKNOWN = new SourcePos(0, 0);
}
