package io.theus.benchmarks.report;

import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * One JMH result: which benchmark method, with which parameters and thread count, its primary score and its
 * secondary metrics (GC profiler, aux counters), and the run it came from.
 *
 * <p>Immutable and thread-safe.
 *
 * @param benchmarkClass the fully qualified benchmark class
 * @param method the benchmark method
 * @param mode the JMH mode ({@code avgt}, {@code thrpt}, ...)
 * @param threads the thread count
 * @param params the JMH parameters, sorted by name
 * @param primary the primary score
 * @param secondary the secondary metrics by name
 * @param run the run it was measured in
 */
public record Measurement(String benchmarkClass, String method, String mode, int threads,
                          SortedMap<String, String> params, Metric primary, Map<String, Metric> secondary,
                          RunInfo run) {

    /** {@return the key under which a later result replaces an earlier one: method, parameters, threads} */
    String key() {
        return benchmarkClass + "." + method + params + "@" + threads;
    }

    /**
     * Describes the configuration without one parameter.
     *
     * @param without a parameter name to leave out, or {@code null}
     * @return e.g. {@code size=1000, threads=4}
     */
    String configuration(String without) {
        String p = params.entrySet().stream().filter(e -> !e.getKey().equals(without))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return p;
    }

    /** {@return the bytes allocated per operation from JMH's GC profiler, or {@code null}} */
    Metric allocation() {
        return secondary.get("gc.alloc.rate.norm");
    }
}
