package io.theus.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The type and constraints of one schema field. Components that are not set are {@code null}.
 *
 * {@snippet :
 * FieldSpec total = FieldSpec.of(FieldType.INTEGER).min(0).max(1_000_000_000).required(true).defaultValue(0);
 * }
 *
 * <p>{@code min}/{@code max} apply to numbers, {@code min_len}/{@code max_len} to the code points of a string or
 * the entries of a list or map, {@code regex} to strings (matched at the start, like Python's {@code re.match}).
 * {@code required} means the path must hold a value whenever its parent does. {@code default} fills the path in the
 * initial context when it is absent there.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the accepted type
 * @param required whether the value must be present whenever its parent is
 * @param defaultValue the value filled into the initial context when absent, or {@code null}
 * @param min smallest accepted number, or {@code null}
 * @param max largest accepted number, or {@code null}
 * @param minLen shortest accepted length, or {@code null}
 * @param maxLen longest accepted length, or {@code null}
 * @param regex pattern a string must match at its start, or {@code null}
 */
public record FieldSpec(FieldType type, boolean required, Object defaultValue, BigDecimal min, BigDecimal max,
                        Integer minLen, Integer maxLen, String regex) {

    /**
     * Validates that the constraints fit the type and each other.
     *
     * @param type not {@code null}
     * @param required whether required
     * @param defaultValue default or {@code null}
     * @param min only for numbers (INTEGER, FLOAT, ANY)
     * @param max only for numbers, not below {@code min}
     * @param minLen only for STRING, LIST, DICT, ANY; at least 0
     * @param maxLen only for STRING, LIST, DICT, ANY; not below {@code minLen}
     * @param regex only for STRING and ANY; a valid pattern
     */
    public FieldSpec {
        Objects.requireNonNull(type, "type");
        boolean numeric = type == FieldType.INTEGER || type == FieldType.FLOAT || type == FieldType.ANY;
        boolean sized = type == FieldType.STRING || type == FieldType.LIST || type == FieldType.DICT
                || type == FieldType.ANY;
        if ((min != null || max != null) && !numeric) {
            throw new IllegalArgumentException("min and max apply to integer and float fields, not " + type.yamlName());
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min (" + min.toPlainString() + ") must not exceed max ("
                    + max.toPlainString() + ")");
        }
        if ((minLen != null || maxLen != null) && !sized) {
            throw new IllegalArgumentException("min_len and max_len apply to string, list and dict fields, not "
                    + type.yamlName());
        }
        if (minLen != null && minLen < 0 || maxLen != null && maxLen < 0) {
            throw new IllegalArgumentException("min_len and max_len must be >= 0, were " + minLen + " and " + maxLen);
        }
        if (minLen != null && maxLen != null && minLen > maxLen) {
            throw new IllegalArgumentException("min_len (" + minLen + ") must not exceed max_len (" + maxLen + ")");
        }
        if (regex != null) {
            if (type != FieldType.STRING && type != FieldType.ANY) {
                throw new IllegalArgumentException("regex applies to string fields, not " + type.yamlName());
            }
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("regex is not a valid pattern: " + e.getDescription()
                        + " near index " + e.getIndex() + " of '" + regex + "'");
            }
        }
    }

    /**
     * Starts a spec of a type, optional and unconstrained.
     *
     * @param type the type
     * @return the spec
     */
    public static FieldSpec of(FieldType type) {
        return new FieldSpec(type, false, null, null, null, null, null, null);
    }

    /**
     * Returns this spec required or optional.
     *
     * @param value whether the value must be present whenever its parent is
     * @return the new spec
     */
    public FieldSpec required(boolean value) {
        return new FieldSpec(type, value, defaultValue, min, max, minLen, maxLen, regex);
    }

    /**
     * Returns this spec with a default for the initial context.
     *
     * @param value the default (checked against the spec when the schema is built)
     * @return the new spec
     */
    public FieldSpec defaultValue(Object value) {
        return new FieldSpec(type, required, value, min, max, minLen, maxLen, regex);
    }

    /**
     * Returns this spec with a lower bound.
     *
     * @param value the smallest accepted number
     * @return the new spec
     */
    public FieldSpec min(Number value) {
        return new FieldSpec(type, required, defaultValue, decimal(value), max, minLen, maxLen, regex);
    }

    /**
     * Returns this spec with an upper bound.
     *
     * @param value the largest accepted number
     * @return the new spec
     */
    public FieldSpec max(Number value) {
        return new FieldSpec(type, required, defaultValue, min, decimal(value), minLen, maxLen, regex);
    }

    /**
     * Returns this spec with a minimum length.
     *
     * @param value the shortest accepted length
     * @return the new spec
     */
    public FieldSpec minLen(int value) {
        return new FieldSpec(type, required, defaultValue, min, max, value, maxLen, regex);
    }

    /**
     * Returns this spec with a maximum length.
     *
     * @param value the longest accepted length
     * @return the new spec
     */
    public FieldSpec maxLen(int value) {
        return new FieldSpec(type, required, defaultValue, min, max, minLen, value, regex);
    }

    /**
     * Returns this spec with a pattern strings must match at their start.
     *
     * @param value a regular expression
     * @return the new spec
     */
    public FieldSpec regex(String value) {
        return new FieldSpec(type, required, defaultValue, min, max, minLen, maxLen, value);
    }

    private static BigDecimal decimal(Number n) {
        Objects.requireNonNull(n, "number");
        return switch (n) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            default -> {
                double d = n.doubleValue();
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("bounds must be finite, was " + d);
                }
                yield BigDecimal.valueOf(d);
            }
        };
    }
}
