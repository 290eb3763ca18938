package io.theus.benchmarks.report;

import java.util.List;
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
 * @param param the parameter of a series target ({@code flat}, {@code flatRatio}, {@code linear}), else {@code null}
 * @param limit the upper bound
 * @param text the target as written
 */
record Target(Kind kind, String param, double limit, String text) {
    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*(ratio|time|alloc|(flat|flatRatio|linear)\\((\\w+)\\))\\s*<=\\s*([0-9.]+)\\s*");

    /** What a target bounds. */
    enum Kind { RATIO, TIME, ALLOC, FLAT, FLAT_RATIO, LINEAR, EXACT }

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
                    + "'; expected ratio|time|alloc|flat(p)|flatRatio(p)|linear(p) <= number, or exact");
        }
        double limit = Double.parseDouble(m.group(4));
        if (m.group(2) != null) {
            Kind kind = switch (m.group(2)) {
                case "flat" -> Kind.FLAT;
                case "flatRatio" -> Kind.FLAT_RATIO;
                default -> Kind.LINEAR;
            };
            return new Target(kind, m.group(3), limit, text);
        }
        return switch (m.group(1)) {
            case "ratio" -> new Target(Kind.RATIO, null, limit, text);
            case "time" -> new Target(Kind.TIME, null, limit, text);
            default -> new Target(Kind.ALLOC, null, limit, text);
        };
    }

    /** {@return the target in prose} */
    String describe() {
        String l = java.math.BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString();
        String p = "`" + param + "`";
        return switch (kind) {
            case RATIO -> "≤ " + l + "× the alternative's cost";
            case TIME -> "≤ " + l + " ns per operation";
            case ALLOC -> "≤ " + l + " bytes allocated per operation";
            case FLAT -> "cost at the largest " + p + " ≤ " + l + "× the cost at the smallest (O(1) in " + p + ")";
            case FLAT_RATIO -> "the ratio to the alternative at the largest " + p + " ≤ " + l
                    + "× the ratio at the smallest (Theus grows with " + p + " no faster than the alternative)";
            case LINEAR -> "cost per unit of " + p + " at the largest " + p + " ≤ " + l
                    + "× the cost per unit at the smallest (no worse than linear in " + p + ")";
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
        List<RowReport.Pair> paired = measured.stream().filter(p -> p.alternative() != null).toList();
        return switch (kind) {
            case RATIO -> worst(paired, RowReport.Pair::ratio, RowReport.Pair::ratioError, "×");
            case TIME -> worst(measured, p -> p.subject().primary().nanosPerOp(),
                    p -> p.subject().primary().nanosPerOp() * p.subject().primary().relativeError(), " ns/op");
            case ALLOC -> {
                List<RowReport.Pair> withAlloc = measured.stream().filter(p -> p.subject().allocation() != null)
                        .toList();
                yield withAlloc.isEmpty() ? new Outcome(null, "not measured (run with -prof gc)")
                        : worst(withAlloc, p -> p.subject().allocation().score(), p -> p.subject().allocation()
                        .score() * p.subject().allocation().relativeError(), " B/op");
            }
            case FLAT -> series(measured, p -> p.subject().primary().nanosPerOp(), false);
            case FLAT_RATIO -> series(paired, RowReport.Pair::ratio, false);
            case LINEAR -> series(measured, p -> p.subject().primary().nanosPerOp(), true);
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

    /**
     * Compares a value at the largest and the smallest value of {@link #param} in every series (same other
     * parameters): their quotient, or for {@code linear} the quotient of the values per unit of the parameter.
     */
    private Outcome series(List<RowReport.Pair> pairs, ToDoubleFunction<RowReport.Pair> value, boolean perUnit) {
        double worst = Double.NaN;
        String where = "";
        for (List<RowReport.Pair> s : RowReport.seriesOver(pairs, param)) {
            if (s.size() < 2) {
                continue;
            }
            RowReport.Pair first = s.get(0);
            RowReport.Pair last = s.get(s.size() - 1);
            double growth = value.applyAsDouble(last) / value.applyAsDouble(first);
            if (perUnit) {
                growth /= paramOf(last) / paramOf(first);
            }
            if (Double.isNaN(worst) || growth > worst) {
                worst = growth;
                String rest = first.subject().configuration(param);
                where = " (" + (rest.isEmpty() ? "" : rest + ": ") + param + " " + first.subject().params().get(param)
                        + " → " + last.subject().params().get(param) + ")";
            }
        }
        if (Double.isNaN(worst)) {
            return new Outcome(null, "needs at least two values of `" + param + "`");
        }
        return new Outcome(worst <= limit, Numbers.format(worst) + "×" + where);
    }

    private double paramOf(RowReport.Pair p) {
        return Double.parseDouble(p.subject().params().get(param));
    }
}
