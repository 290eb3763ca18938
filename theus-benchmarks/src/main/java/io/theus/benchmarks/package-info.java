/**
 * JMH benchmarks of Theus beside the alternatives, one workload per class, both sides measured in the same run.
 * Results are reported as ratios in {@code docs/benchmarks.md}; {@code scripts/bench.sh} regenerates them.
 */
package io.theus.benchmarks;
