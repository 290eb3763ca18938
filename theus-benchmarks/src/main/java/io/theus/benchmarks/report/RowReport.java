package io.theus.benchmarks.report;

import io.theus.benchmarks.ReportRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One row of the report: the declared {@link ReportRow}, the subject and alternative results paired by
 * configuration, the evaluated targets, and the Markdown that shows them.
 *
 * <p>Immutable after construction; not meant to be shared between threads.
 */
final class RowReport {
    private final ReportRow row;
    private final List<Pair> pairs;
    private final List<Target> targets;

    /**
     * A subject result and the alternative's result with the same parameters and thread count.
     *
     * @param configuration the parameters and thread count, e.g. {@code size=1000, threads=4}
     * @param subject the subject's result, or {@code null} if missing
     * @param alternative the alternative's result, or {@code null} if missing or none declared
     */
    record Pair(String configuration, Measurement subject, Measurement alternative) {

        /** {@return subject cost / alternative cost, both in nanoseconds per operation} */
        double ratio() {
            return subject.primary().nanosPerOp() / alternative.primary().nanosPerOp();
        }

        /** {@return the error of {@link #ratio()}, relative errors added in quadrature} */
        double ratioError() {
            double rs = subject.primary().relativeError();
            double ra = alternative.primary().relativeError();
            return ratio() * Math.sqrt(rs * rs + ra * ra);
        }
    }

    /**
     * Builds a row from all measurements of its benchmark class.
     *
     * @param row the declaration
     * @param ofClass the measurements of the declaring class
     */
    RowReport(ReportRow row, List<Measurement> ofClass) {
        this.row = row;
        this.targets = java.util.Arrays.stream(row.targets()).map(Target::parse).toList();
        Map<String, Measurement> subjects = index(ofClass, row.subject());
        Map<String, Measurement> alternatives = row.alternative().isEmpty() ? Map.of()
                : index(ofClass, row.alternative());
        Set<String> configs = new TreeSet<>(Comparator.comparing(RowReport::sortKey));
        configs.addAll(subjects.keySet());
        configs.addAll(alternatives.keySet());
        List<Pair> list = new ArrayList<>();
        for (String c : configs) {
            list.add(new Pair(c, subjects.get(c), alternatives.get(c)));
        }
        this.pairs = List.copyOf(list);
    }

    /** {@return the declaration} */
    ReportRow row() {
        return row;
    }

    /** {@return the paired results, by configuration} */
    List<Pair> pairs() {
        return pairs;
    }

    /** {@return whether any result exists for this row} */
    boolean measured() {
        return pairs.stream().anyMatch(p -> p.subject() != null || p.alternative() != null);
    }

    /** {@return the evaluated targets, in declaration order} */
    Map<Target, Target.Outcome> outcomes() {
        Map<Target, Target.Outcome> m = new LinkedHashMap<>();
        targets.forEach(t -> m.put(t, t.evaluate(pairs)));
        return m;
    }

    /** {@return the distinct runs the row's results come from} */
    List<RunInfo> runs() {
        return pairs.stream().flatMap(p -> java.util.stream.Stream.of(p.subject(), p.alternative()))
                .filter(Objects::nonNull).map(Measurement::run).distinct().toList();
    }

    /**
     * Selects a method's measurements by configuration. A selector is a method name, optionally with one fixed
     * parameter in brackets ({@code broadcast[impl=theus]}); the fixed parameter is left out of the configuration, so
     * two selectors of the same method pair up on the remaining parameters.
     */
    private static Map<String, Measurement> index(List<Measurement> ofClass, String selector) {
        String name = selector;
        String fixedKey = null;
        String fixedValue = null;
        int bracket = selector.indexOf('[');
        if (bracket > 0 && selector.endsWith("]")) {
            name = selector.substring(0, bracket);
            String[] kv = selector.substring(bracket + 1, selector.length() - 1).split("=", 2);
            fixedKey = kv[0].strip();
            fixedValue = kv.length > 1 ? kv[1].strip() : "";
        }
        Map<String, Measurement> m = new LinkedHashMap<>();
        for (Measurement x : ofClass) {
            boolean named = x.method().equals(name) || x.method().startsWith(name + "_");
            if (named && (fixedKey == null || fixedValue.equals(x.params().get(fixedKey)))) {
                m.put(configurationOf(x, fixedKey), x);
            }
        }
        return m;
    }

    private static String configurationOf(Measurement m, String without) {
        String params = m.configuration(without);
        String threads = m.threads() == 1 && !m.mode().equals("thrpt") ? "" : "threads=" + m.threads();
        return params.isEmpty() ? threads : threads.isEmpty() ? params : params + ", " + threads;
    }

    /** Sorts configurations so that numbers compare as numbers ({@code size=1000} before {@code size=100000}). */
    private static String sortKey(String configuration) {
        StringBuilder sb = new StringBuilder();
        for (String part : configuration.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)")) {
            sb.append(!part.isEmpty() && part.chars().allMatch(Character::isDigit) ? "%020d".formatted(Long.parseLong(part)) : part);
        }
        return sb.toString();
    }

    /**
     * Splits pairs into series over one parameter: same other parameters and threads, ordered by the parameter.
     *
     * @param pairs the pairs
     * @param param the parameter
     * @return the series
     */
    static List<List<Pair>> seriesOver(List<Pair> pairs, String param) {
        Map<String, List<Pair>> series = new LinkedHashMap<>();
        for (Pair p : pairs) {
            if (p.subject() == null || !p.subject().params().containsKey(param)) {
                continue;
            }
            String rest = p.subject().configuration(param) + "@" + p.subject().threads();
            series.computeIfAbsent(rest, k -> new ArrayList<>()).add(p);
        }
        for (List<Pair> s : series.values()) {
            s.sort(Comparator.comparingDouble(p -> Double.parseDouble(p.subject().params().get(param))));
        }
        return List.copyOf(series.values());
    }
}
