package io.theus.benchmarks.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads JMH JSON result files (and the {@code .meta.properties} file {@code scripts/bench.sh} writes beside each)
 * into {@link Measurement}s. When several files hold the same benchmark configuration, the later file wins, so a
 * partial re-run can be layered over a full one.
 *
 * <p>Not thread-safe: one loader per report.
 */
final class ResultLoader {
    private final Map<String, Measurement> byKey = new LinkedHashMap<>();
    private final List<RunInfo> runs = new ArrayList<>();

    /**
     * Loads one result file.
     *
     * @param json the JMH JSON file
     * @throws IOException if it cannot be read
     */
    void load(Path json) throws IOException {
        JsonArray results;
        try (Reader r = Files.newBufferedReader(json)) {
            results = JsonParser.parseReader(r).getAsJsonArray();
        }
        if (results.isEmpty()) {
            return;
        }
        RunInfo run = runInfo(json, results.get(0).getAsJsonObject());
        runs.add(run);
        for (JsonElement e : results) {
            Measurement m = measurement(e.getAsJsonObject(), run);
            byKey.remove(m.key());
            byKey.put(m.key(), m);
        }
    }

    /** {@return the measurements, later files having replaced earlier ones} */
    List<Measurement> measurements() {
        return List.copyOf(byKey.values());
    }

    /** {@return the runs that still contribute at least one measurement, in load order} */
    List<RunInfo> runs() {
        return runs.stream().filter(r -> byKey.values().stream().anyMatch(m -> m.run() == r)).toList();
    }

    private RunInfo runInfo(Path json, JsonObject first) throws IOException {
        Properties meta = new Properties();
        Path metaFile = json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", "")
                + ".meta.properties");
        if (Files.exists(metaFile)) {
            try (Reader r = Files.newBufferedReader(metaFile)) {
                meta.load(r);
            }
        }
        String jvm = text(first, "vmName") + " " + text(first, "vmVersion") + " (JDK " + text(first, "jdkVersion")
                + ")";
        JsonArray args = first.getAsJsonArray("jvmArgs");
        if (args != null && !args.isEmpty()) {
            List<String> list = new ArrayList<>();
            args.forEach(a -> list.add(a.getAsString()));
            jvm += ", JVM options `" + String.join(" ", list) + "`";
        }
        String options = "JMH " + text(first, "jmhVersion") + ": " + text(first, "forks") + " fork(s), "
                + text(first, "warmupIterations") + " × " + text(first, "warmupTime") + " warm-up, "
                + text(first, "measurementIterations") + " × " + text(first, "measurementTime") + " measurement";
        String label = String.valueOf((char) ('A' + runs.size()));
        return new RunInfo(label, json.getFileName().toString(), meta, jvm, options);
    }

    private static Measurement measurement(JsonObject o, RunInfo run) {
        String full = o.get("benchmark").getAsString();
        int dot = full.lastIndexOf('.');
        SortedMap<String, String> params = new TreeMap<>();
        JsonObject p = o.getAsJsonObject("params");
        if (p != null) {
            p.entrySet().forEach(e -> params.put(e.getKey(), e.getValue().getAsString()));
        }
        Map<String, Metric> secondary = new LinkedHashMap<>();
        JsonObject s = o.getAsJsonObject("secondaryMetrics");
        if (s != null) {
            s.entrySet().forEach(e -> secondary.put(stripPrefix(e.getKey()), metric(e.getValue().getAsJsonObject())));
        }
        return new Measurement(full.substring(0, dot), full.substring(dot + 1), o.get("mode").getAsString(),
                o.get("threads").getAsInt(), params, metric(o.getAsJsonObject("primaryMetric")), secondary, run);
    }

    /** JMH names profiler metrics {@code ·gc.alloc.rate.norm} (with a middle dot) in some versions. */
    private static String stripPrefix(String name) {
        return name.startsWith("\u00b7") ? name.substring(1) : name;
    }

    private static Metric metric(JsonObject o) {
        JsonElement err = o.get("scoreError");
        double error = err == null || !err.isJsonPrimitive() || !err.getAsJsonPrimitive().isNumber() ? Double.NaN
                : err.getAsDouble();
        return new Metric(number(o.get("score")), error, o.get("scoreUnit").getAsString());
    }

    private static double number(JsonElement e) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            return e.getAsDouble();
        }
        return Double.NaN; // JMH writes "NaN" as a string
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "?" : e.getAsString();
    }
}
