/**
 * The generator of {@code docs/benchmarks.md}: reads JMH JSON results and the {@code .meta.properties} files that
 * {@code scripts/bench.sh} writes beside them, pairs each row's subject with its alternative (same parameters and
 * thread count), evaluates the row's targets and renders the tables between the document's generation markers.
 * Rows are declared with {@link io.theus.benchmarks.ReportRow} on the benchmark classes themselves.
 *
 * <p>Invariant: the output depends only on the result files (no clock, no machine probing), so regenerating from
 * the same files gives the same page.
 */
package io.theus.benchmarks.report;
