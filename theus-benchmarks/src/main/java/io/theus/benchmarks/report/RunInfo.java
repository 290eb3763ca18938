package io.theus.benchmarks.report;

import java.util.Properties;

/**
 * Where a result file came from: the command and mode that produced it, the machine, the JVM, the commit.
 *
 * <p>Immutable and thread-safe (the properties are not changed after loading).
 *
 * @param label a short label used in the report ({@code A}, {@code B}, ...)
 * @param file the JSON file name
 * @param meta what {@code scripts/bench.sh} recorded beside the JSON (may be empty)
 * @param jvm the JVM description from the JMH results
 * @param jmhOptions the warm-up, measurement and fork settings from the JMH results
 */
public record RunInfo(String label, String file, Properties meta, String jvm, String jmhOptions) {

    /**
     * Tells whether this run is a preliminary measurement: quick mode, an unknown mode, or a full run recorded with
     * {@code BENCH_PRELIMINARY=1} (a noisy, shared machine).
     *
     * @return {@code true} if the numbers are preliminary
     */
    public boolean preliminary() {
        return !"full".equals(meta.getProperty("mode")) || "true".equals(meta.getProperty("preliminary"));
    }

    /**
     * Reads a recorded property.
     *
     * @param key the property
     * @return its value, or {@code "unknown"}
     */
    public String get(String key) {
        return meta.getProperty(key, "unknown");
    }
}
