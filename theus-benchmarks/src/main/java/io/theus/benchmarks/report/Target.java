package io.theus.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target declared on a report row (see {@link io.theus.benchmarks.ReportRow#targets()}) and its evaluation
 * against the measured pairs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what is measured
 * @param param the parameter of a {@code flat(...)} target, else {@code null}
 * @param limit the upper bound
 * @param text the target as written
 */
record Target(Kind kind, String param, double limit, String text) {
    private static final Pattern SYNTAX =
            Pattern.compile("\\s*(ratio|time|alloc|flat\\((\\w+)\\))\\s*<=\\s*([0-9.]+)\\s*");

    /** What a target bounds. */
    enum Kind { RATIO, TIME, ALLOC, FLAT, EXACT }

    /**
     * The outcome of a target.
     *
     * @param met {@code TRUE} met, {@code FALSE} missed, {@code null} not measured
     * @param detail the worst observed value and where
     * @param withinError whether the limit lies inside the worst value's error interval (the verdict could flip)
     */
    record Outcome(Boolean met, String detail, boolean withinError) {
        Outcome(Boolean met, String detail) {
            this(met, detail, false);
        }
    }

    /**
     * Parses a target.
     *
     * @param text e.g. {@code ratio <= 3}
     * @return the target
     * @throws IllegalArgumentException if the syntax is unknown
     */
    static Target parse(String text) {
        if (text.trim().equals("exact")) {
            return new Target(Kind.EXACT, null, 0, text);
        }
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown target syntax '" + text
                    + "'; expected ratio|time|alloc|flat(param) <= number, or exact");
        }
        double limit = Double.parseDouble(m.group(3));
        return switch (m.group(1)) {
            case "ratio" -> new Target(Kind.RATIO, null, limit, text);
            case "time" -> new Target(Kind.TIME, null, limit, text);
            case "alloc" -> new Target(Kind.ALLOC, null, limit, text);
            default -> new Target(Kind.FLAT, m.group(2), limit, text);
        };
    }

    /** {@return the target in prose} */
    String describe() {
        String l = java.math.BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString();
        return switch (kind) {
            case RATIO -> "≤ " + l + "× the alternative's cost";
            case TIME -> "≤ " + l + " ns per operation";
            case ALLOC -> "≤ " + l + " bytes allocated per operation";
            case FLAT -> "cost at the largest `" + param + "` ≤ " + l + "× the cost at the smallest (O(1) in `"
                    + param + "`)";
            case EXACT -> "exact result (asserted by the benchmark after every iteration)";
        };
    }

    /**
     * Evaluates the target; the worst configuration decides.
     *
     * @param pairs the measured pairs of the row
     * @return the outcome
     */
    Outcome evaluate(List<RowReport.Pair> pairs) {
        List<RowReport.Pair> measured = pairs.stream().filter(p -> p.subject() != null).toList();
        if (measured.isEmpty()) {
            return new Outcome(null, "not measured");
        }
        return switch (kind) {
            case RATIO -> worst(measured.stream().filter(p -> p.alternative() != null).toList(),
                    RowReport.Pair::ratio, RowReport.Pair::ratioError, "×");
            case TIME -> worst(measured, p -> p.subject().primary().nanosPerOp(),
                    p -> p.subject().primary().nanosPerOp() * p.subject().primary().relativeError(), " ns/op");
            case ALLOC -> {
                List<RowReport.Pair> withAlloc = measured.stream().filter(p -> p.subject().allocation() != null)
                        .toList();
                yield withAlloc.isEmpty() ? new Outcome(null, "not measured (run with -prof gc)")
                        : worst(withAlloc, p -> p.subject().allocation().score(), p -> p.subject().allocation()
                        .score() * p.subject().allocation().relativeError(), " B/op");
            }
            case FLAT -> flat(measured);
            case EXACT -> new Outcome(true, "every iteration checked");
        };
    }

    private Outcome worst(List<RowReport.Pair> pairs, ToDoubleFunction<RowReport.Pair> value,
                          ToDoubleFunction<RowReport.Pair> error, String unit) {
        if (pairs.isEmpty()) {
            return new Outcome(null, "not measured");
        }
        RowReport.Pair worst = pairs.get(0);
        for (RowReport.Pair p : pairs) {
            if (value.applyAsDouble(p) > value.applyAsDouble(worst)) {
                worst = p;
            }
        }
        double v = value.applyAsDouble(worst);
        String where = worst.configuration().isEmpty() ? "" : " at " + worst.configuration();
        double e = error.applyAsDouble(worst);
        boolean close = !Double.isNaN(e) && Math.abs(v - limit) <= e;
        return new Outcome(v <= limit, (pairs.size() > 1 ? "worst " : "") + Numbers.format(v) + unit + where, close);
    }

    private Outcome flat(List<RowReport.Pair> pairs) {
        double worst = Double.NaN;
        String where = "";
        for (List<RowReport.Pair> series : RowReport.seriesOver(pairs, param)) {
            if (series.size() < 2) {
                continue;
            }
            double first = series.get(0).subject().primary().nanosPerOp();
            double last = series.get(series.size() - 1).subject().primary().nanosPerOp();
            double growth = last / first;
            if (Double.isNaN(worst) || growth > worst) {
                worst = growth;
                where = String.format(Locale.ROOT, " (%s: %s → %s)", series.get(0).subject().configuration(param),
                        series.get(0).subject().params().get(param),
                        series.get(series.size() - 1).subject().params().get(param));
            }
        }
        if (Double.isNaN(worst)) {
            return new Outcome(null, "needs at least two values of `" + param + "`");
        }
        return new Outcome(worst <= limit, Numbers.format(worst) + "×" + where.replace("( ", "(")
                .replace("(: ", "("));
    }
}
