package io.theus.audit;

import io.theus.InvalidPathException;
import io.theus.state.Path;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One audit rule: a field and the checks its value must pass ({@code min}, {@code max}, {@code eq}, {@code neq},
 * {@code min_len}, {@code max_len}, {@code regex}), with an optional level, {@code threshold_max} and message.
 * Components that are not set are {@code null}.
 *
 * {@snippet :
 * AuditRule price = AuditRule.on("price").min(0).level(AuditLevel.B).thresholdMax(1)
 *         .message("price must not be negative");
 * }
 *
 * <p>Numbers compare by value whatever their Java type ({@code 1}, {@code 1L} and {@code 1.0} are equal). Lengths
 * count the code points of a string or the entries of a list or map. {@code regex} must match at the start of a
 * string value, like Python's {@code re.match}; end it with {@code $} to match the whole value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param field what is checked: an argument name or path (inputs), a path or output leaf name (outputs)
 * @param min smallest accepted number, or {@code null}
 * @param max largest accepted number, or {@code null}
 * @param eq the value required ({@link BigDecimal}, {@link String} or {@link Boolean}), or {@code null}
 * @param neq a value refused ({@link BigDecimal}, {@link String} or {@link Boolean}), or {@code null}
 * @param minLen shortest accepted length, or {@code null}
 * @param maxLen longest accepted length, or {@code null}
 * @param regex pattern the (string) value must match at its start, or {@code null}
 * @param level the level, or {@code null} for the recipe's default
 * @param thresholdMax count at which a level-B rule blocks, or {@code null} for the recipe's default
 * @param message what the rule protects, added to log entries and errors, or {@code null}
 * @param origin where the rule was defined ({@code file:line:column}, or {@code "builder"})
 */
public record AuditRule(String field, BigDecimal min, BigDecimal max, Object eq, Object neq, Integer minLen,
                        Integer maxLen, String regex, AuditLevel level, Integer thresholdMax, String message,
                        String origin) {

    /**
     * Validates the rule.
     *
     * @param field a non-blank path or name
     * @param min smallest number or {@code null}
     * @param max largest number or {@code null}, not below {@code min}
     * @param eq required value or {@code null}
     * @param neq refused value or {@code null}
     * @param minLen shortest length or {@code null}, at least 0
     * @param maxLen longest length or {@code null}, not below {@code minLen}
     * @param regex a valid pattern or {@code null}
     * @param level level or {@code null}
     * @param thresholdMax at least 1 or {@code null}; only for level B
     * @param message message or {@code null}
     * @param origin where defined
     */
    public AuditRule {
        Objects.requireNonNull(field, "field");
        try {
            Path.of(field);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("field must be an argument name or a path, was '" + field + "': "
                    + e.getMessage());
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min (" + min.toPlainString() + ") must not exceed max ("
                    + max.toPlainString() + ") in the rule on '" + field + "'");
        }
        eq = scalar(eq, "eq", field);
        neq = scalar(neq, "neq", field);
        if (minLen != null && minLen < 0 || maxLen != null && maxLen < 0) {
            throw new IllegalArgumentException("min_len and max_len must be >= 0 in the rule on '" + field
                    + "', were " + minLen + " and " + maxLen);
        }
        if (minLen != null && maxLen != null && minLen > maxLen) {
            throw new IllegalArgumentException("min_len (" + minLen + ") must not exceed max_len (" + maxLen
                    + ") in the rule on '" + field + "'");
        }
        if (regex != null) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("regex of the rule on '" + field + "' is not a valid pattern: "
                        + e.getDescription() + " near index " + e.getIndex() + " of '" + regex + "'");
            }
        }
        if (thresholdMax != null && thresholdMax < 1) {
            throw new IllegalArgumentException("threshold_max must be >= 1 in the rule on '" + field + "', was "
                    + thresholdMax);
        }
        if (thresholdMax != null && level != null && level != AuditLevel.B) {
            throw new IllegalArgumentException(levelOnlyB(field, level));
        }
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * Starts a rule on a field with no check yet; add at least one before putting it in a recipe.
     *
     * @param field an argument name or a path (inputs), a path or output leaf name (outputs)
     * @return the rule
     */
    public static AuditRule on(String field) {
        return new AuditRule(field, null, null, null, null, null, null, null, null, null, null, "builder");
    }

    static String levelOnlyB(String field, AuditLevel level) {
        return "threshold_max applies to level B only; the rule on '" + field + "' is level " + level
                + (level == AuditLevel.S || level == AuditLevel.A ? ", which acts on the first violation"
                : ", which never blocks");
    }

    private static Object scalar(Object v, String key, String field) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Number n) {
            return decimal(n, key + " of the rule on '" + field + "'");
        }
        throw new IllegalArgumentException(key + " of the rule on '" + field
                + "' must be a number, a string or a boolean, was " + v.getClass().getSimpleName());
    }

    private static BigDecimal decimal(Number n, String what) {
        return switch (n) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            default -> {
                double d = n.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException(what + " must be finite, was " + d);
                }
                yield BigDecimal.valueOf(d);
            }
        };
    }

    /** {@return whether the rule has at least one check} */
    public boolean hasCheck() {
        return min != null || max != null || eq != null || neq != null || minLen != null || maxLen != null
                || regex != null;
    }

    /**
     * Returns this rule with a lower bound.
     *
     * @param value the smallest accepted number
     * @return the new rule
     */
    public AuditRule min(Number value) {
        return new AuditRule(field, decimal(value, "min"), max, eq, neq, minLen, maxLen, regex, level, thresholdMax,
                message, origin);
    }

    /**
     * Returns this rule with an upper bound.
     *
     * @param value the largest accepted number
     * @return the new rule
     */
    public AuditRule max(Number value) {
        return new AuditRule(field, min, decimal(value, "max"), eq, neq, minLen, maxLen, regex, level, thresholdMax,
                message, origin);
    }

    /**
     * Returns this rule requiring a value.
     *
     * @param value a number, string or boolean
     * @return the new rule
     */
    public AuditRule eq(Object value) {
        return new AuditRule(field, min, max, value, neq, minLen, maxLen, regex, level, thresholdMax, message,
                origin);
    }

    /**
     * Returns this rule refusing a value.
     *
     * @param value a number, string or boolean
     * @return the new rule
     */
    public AuditRule neq(Object value) {
        return new AuditRule(field, min, max, eq, value, minLen, maxLen, regex, level, thresholdMax, message,
                origin);
    }

    /**
     * Returns this rule with a minimum length.
     *
     * @param value the shortest accepted length
     * @return the new rule
     */
    public AuditRule minLen(int value) {
        return new AuditRule(field, min, max, eq, neq, value, maxLen, regex, level, thresholdMax, message, origin);
    }

    /**
     * Returns this rule with a maximum length.
     *
     * @param value the longest accepted length
     * @return the new rule
     */
    public AuditRule maxLen(int value) {
        return new AuditRule(field, min, max, eq, neq, minLen, value, regex, level, thresholdMax, message, origin);
    }

    /**
     * Returns this rule with a pattern the value must match at its start.
     *
     * @param value a regular expression
     * @return the new rule
     */
    public AuditRule regex(String value) {
        return new AuditRule(field, min, max, eq, neq, minLen, maxLen, value, level, thresholdMax, message, origin);
    }

    /**
     * Returns this rule with a level.
     *
     * @param value the level
     * @return the new rule
     */
    public AuditRule level(AuditLevel value) {
        return new AuditRule(field, min, max, eq, neq, minLen, maxLen, regex, Objects.requireNonNull(value),
                thresholdMax, message, origin);
    }

    /**
     * Returns this rule with its own {@code threshold_max} (level B only).
     *
     * @param value at least 1
     * @return the new rule
     */
    public AuditRule thresholdMax(int value) {
        return new AuditRule(field, min, max, eq, neq, minLen, maxLen, regex, level, value, message, origin);
    }

    /**
     * Returns this rule with a message.
     *
     * @param value what the rule protects
     * @return the new rule
     */
    public AuditRule message(String value) {
        return new AuditRule(field, min, max, eq, neq, minLen, maxLen, regex, level, thresholdMax, value, origin);
    }

    /**
     * Returns this rule with an origin (loaders set it to {@code file:line:column}).
     *
     * @param value where the rule was defined
     * @return the new rule
     */
    public AuditRule origin(String value) {
        return new AuditRule(field, min, max, eq, neq, minLen, maxLen, regex, level, thresholdMax, message, value);
    }

    /** {@return the checks in recipe syntax, e.g. {@code min 0, max_len 5}} */
    public String checks() {
        List<String> parts = new ArrayList<>();
        if (min != null) {
            parts.add("min " + min.toPlainString());
        }
        if (max != null) {
            parts.add("max " + max.toPlainString());
        }
        if (eq != null) {
            parts.add("eq " + render(eq));
        }
        if (neq != null) {
            parts.add("neq " + render(neq));
        }
        if (minLen != null) {
            parts.add("min_len " + minLen);
        }
        if (maxLen != null) {
            parts.add("max_len " + maxLen);
        }
        if (regex != null) {
            parts.add("regex '" + regex + "'");
        }
        return String.join(", ", parts);
    }

    static String render(Object v) {
        return v instanceof BigDecimal d ? d.toPlainString() : v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }
}
