package io.theus.schema.internal;

import io.theus.state.internal.Conversions;
import io.theus.schema.FieldSpec;
import io.theus.schema.FieldType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks of one field spec, compiled once (the pattern) and evaluated on a present value: type first, then
 * bounds, lengths and pattern.
 *
 * <p>Immutable and thread-safe.
 */
public final class FieldCheck {
    private final FieldSpec spec;
    private final Pattern pattern;

    /**
     * Compiles a spec.
     *
     * @param spec the spec
     */
    public FieldCheck(FieldSpec spec) {
        this.spec = spec;
        this.pattern = spec.regex() == null ? null : Pattern.compile(spec.regex());
    }

    /** {@return the spec} */
    public FieldSpec spec() {
        return spec;
    }

    /**
     * Tells whether a value has the spec's type (the other constraints are not looked at).
     *
     * @param value a non-null value
     * @return whether the type fits
     */
    public boolean typeFits(Object value) {
        return switch (spec.type()) {
            case STRING -> value instanceof String;
            case INTEGER -> value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof Byte || value instanceof BigInteger;
            case FLOAT -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case LIST -> value instanceof List<?>;
            case DICT -> value instanceof Map<?, ?>;
            case ANY -> true;
        };
    }

    /**
     * Evaluates the spec on a present value.
     *
     * @param value a non-null value
     * @return the first rule broken ({@code type integer}, {@code min 0}, {@code max_len 5 (length 6)},
     *         {@code regex '...'}), or {@code null} if the value passes
     */
    public String firstFailure(Object value) {
        if (!typeFits(value)) {
            return "type " + spec.type().yamlName();
        }
        if (spec.min() != null || spec.max() != null) {
            BigDecimal n = Conversions.decimalOrNull(value);
            if (spec.min() != null && (n == null || n.compareTo(spec.min()) < 0)) {
                return "min " + spec.min().toPlainString() + (n == null ? " (not a finite number)" : "");
            }
            if (spec.max() != null && (n == null || n.compareTo(spec.max()) > 0)) {
                return "max " + spec.max().toPlainString() + (n == null ? " (not a finite number)" : "");
            }
        }
        if (spec.minLen() != null || spec.maxLen() != null) {
            int len = Conversions.lengthOf(value);
            if (spec.minLen() != null && (len < 0 || len < spec.minLen())) {
                return "min_len " + spec.minLen() + (len < 0 ? " (no length)" : " (length " + len + ")");
            }
            if (spec.maxLen() != null && (len < 0 || len > spec.maxLen())) {
                return "max_len " + spec.maxLen() + (len < 0 ? " (no length)" : " (length " + len + ")");
            }
        }
        if (pattern != null && !(value instanceof CharSequence s && pattern.matcher(s).lookingAt())) {
            return "regex '" + spec.regex() + "'";
        }
        return null;
    }


}
