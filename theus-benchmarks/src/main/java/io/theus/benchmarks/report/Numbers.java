package io.theus.benchmarks.report;

import java.util.Locale;

/**
 * Number formatting for the report: about three significant digits, thin grouping for large values.
 *
 * <p>Stateless and thread-safe.
 */
final class Numbers {
    private Numbers() {
    }

    /**
     * Formats a value with about three significant digits.
     *
     * @param v the value
     * @return e.g. {@code 437}, {@code 23.7}, {@code 0.214}, {@code 12 345}
     */
    static String format(double v) {
        String pattern = Math.abs(v) >= 10_000 ? "%,.0f" : "%." + decimals(v) + "f";
        return String.format(Locale.ROOT, pattern, v).replace(',', '\u2009');
    }

    /**
     * Formats a value with as many decimals as another value gets (for errors next to their scores).
     *
     * @param v the value
     * @param like the value whose precision to use
     * @return the formatted value
     */
    static String formatLike(double v, double like) {
        String pattern = Math.abs(like) >= 10_000 ? "%,.0f" : "%." + decimals(like) + "f";
        return String.format(Locale.ROOT, pattern, v).replace(',', '\u2009');
    }

    private static int decimals(double v) {
        double a = Math.abs(v);
        if (a >= 100 || a == 0) {
            return 0;
        }
        if (a >= 10) {
            return 1;
        }
        if (a >= 1) {
            return 2;
        }
        return Math.min(6, 2 - (int) Math.floor(Math.log10(a)));
    }
}
