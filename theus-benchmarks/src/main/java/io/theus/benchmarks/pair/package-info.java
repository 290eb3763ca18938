/**
 * Development tools for measuring a change on a shared, noisy machine: {@link
 * io.theus.benchmarks.pair.PairedComparison} compares two builds (or two methods) in one JVM by alternating short
 * batches. Its numbers guide optimisation work and appear in commit messages; the record is always JMH's, in
 * {@code docs/benchmarks.md}.
 */
package io.theus.benchmarks.pair;
