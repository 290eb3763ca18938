package io.theus.benchmarks.report;

/**
 * One JMH score: value, the half-width of its 99.9 % confidence interval, and unit (e.g. {@code ns/op},
 * {@code ops/us}, {@code B/op}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param score the score
 * @param error the error ({@code NaN} when JMH could not compute one, e.g. a single iteration)
 * @param unit the unit
 */
public record Metric(double score, double error, String unit) {

    /** {@return whether the unit is a rate (operations per time) rather than a time per operation} */
    public boolean isRate() {
        return unit.startsWith("ops/");
    }

    /**
     * Converts the score to nanoseconds per operation, whatever the unit: rates are inverted.
     *
     * @return nanoseconds per operation, or {@code NaN} for units that are neither times nor rates
     */
    public double nanosPerOp() {
        if (isRate()) {
            return 1.0 / score * nanosIn(unit.substring(4));
        }
        if (unit.endsWith("/op")) {
            return score * nanosIn(unit.substring(0, unit.length() - 3));
        }
        return Double.NaN;
    }

    /** {@return the error relative to the score (0 when unknown)} */
    public double relativeError() {
        return Double.isNaN(error) || score == 0 ? 0 : error / Math.abs(score);
    }

    private static double nanosIn(String timeUnit) {
        return switch (timeUnit) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> Double.NaN;
        };
    }

    /** {@return the score with its error, e.g. {@code 437 ± 49 ns/op}} */
    public String format() {
        if (Double.isNaN(error)) {
            return Numbers.format(score) + " " + unit;
        }
        return Numbers.format(score) + " ± " + Numbers.formatLike(error, score) + " " + unit;
    }
}
