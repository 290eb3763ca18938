package io.theus.audit.internal;

import io.theus.state.internal.Conversions;
import io.theus.audit.AuditRule;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks of one audit rule, compiled once (the pattern, the bounds) and evaluated on a value.
 *
 * <p>Immutable and thread-safe.
 */
final class RuleCheck {
    private final AuditRule rule;
    private final Pattern pattern;

    RuleCheck(AuditRule rule) {
        this.rule = rule;
        this.pattern = rule.regex() == null ? null : Pattern.compile(rule.regex());
    }

    AuditRule rule() {
        return rule;
    }

    /**
     * Evaluates the rule's checks in the order min, max, eq, neq, min_len, max_len, regex.
     *
     * @param value a non-null value
     * @return the first check that fails, in recipe syntax with the reason when the value's type does not fit
     *         (e.g. {@code min 0} or {@code max_len 5 (a Integer has no length)}), or {@code null} if all pass
     */
    String firstFailure(Object value) {
        if (rule.min() != null || rule.max() != null) {
            BigDecimal n = Conversions.decimalOrNull(value);
            if (rule.min() != null && (n == null || n.compareTo(rule.min()) < 0)) {
                return "min " + rule.min().toPlainString() + notNumber(n, value);
            }
            if (rule.max() != null && (n == null || n.compareTo(rule.max()) > 0)) {
                return "max " + rule.max().toPlainString() + notNumber(n, value);
            }
        }
        if (rule.eq() != null && !same(rule.eq(), value)) {
            return "eq " + render(rule.eq());
        }
        if (rule.neq() != null && same(rule.neq(), value)) {
            return "neq " + render(rule.neq());
        }
        if (rule.minLen() != null || rule.maxLen() != null) {
            int len = Conversions.lengthOf(value);
            String why = len < 0 ? " (a " + value.getClass().getSimpleName() + " has no length)" : "";
            if (rule.minLen() != null && (len < 0 || len < rule.minLen())) {
                return "min_len " + rule.minLen() + (len >= 0 ? " (length " + len + ")" : why);
            }
            if (rule.maxLen() != null && (len < 0 || len > rule.maxLen())) {
                return "max_len " + rule.maxLen() + (len >= 0 ? " (length " + len + ")" : why);
            }
        }
        if (pattern != null && !(value instanceof CharSequence s && pattern.matcher(s).lookingAt())) {
            return "regex '" + rule.regex() + "'" + (value instanceof CharSequence ? ""
                    : " (a " + value.getClass().getSimpleName() + " is not a string)");
        }
        return null;
    }

    private static String notNumber(BigDecimal n, Object value) {
        return n != null ? "" : " (a " + value.getClass().getSimpleName() + " is not a finite number)";
    }

    private static String render(Object v) {
        return v instanceof BigDecimal d ? d.toPlainString() : v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    private static boolean same(Object expected, Object value) {
        if (expected instanceof BigDecimal e) {
            BigDecimal n = Conversions.decimalOrNull(value);
            return n != null && n.compareTo(e) == 0;
        }
        if (expected instanceof String s) {
            return value instanceof CharSequence c ? s.contentEquals(c) : value instanceof Enum<?> en
                    && en.name().equals(s);
        }
        return expected.equals(value);
    }


}
