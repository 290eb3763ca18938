package io.theus.schema;

import io.theus.TheusException;

import java.util.List;

/**
 * Raised when the schema gate (Type Shield) rejects a commit: nothing was committed, no signal was published and the
 * version did not change. Names every offending path with its value and the rule it broke.
 *
 * <p>Immutable and thread-safe.
 */
public final class SchemaViolationException extends TheusException {
    private static final long serialVersionUID = 1L;

    private final transient List<SchemaViolation> violations;

    /**
     * Creates the exception.
     *
     * @param process the process whose commit was rejected, or {@code null} for owner commits
     * @param violations at least one violation
     */
    public SchemaViolationException(String process, List<SchemaViolation> violations) {
        super(message(process, violations), process, violations.get(0).path(), null);
        this.violations = List.copyOf(violations);
    }

    private static String message(String process, List<SchemaViolation> violations) {
        SchemaViolation first = violations.get(0);
        StringBuilder sb = new StringBuilder("schema rejected the commit")
                .append(process == null ? "" : " of process '" + process + "'").append(": ")
                .append(describe(first));
        if (violations.size() > 1) {
            sb.append(" (and ").append(violations.size() - 1).append(" more: ");
            for (int i = 1; i < Math.min(violations.size(), 4); i++) {
                sb.append(i > 1 ? "; " : "").append(describe(violations.get(i)));
            }
            sb.append(violations.size() > 4 ? "; ...)" : ")");
        }
        return sb.append("; nothing was committed").toString();
    }

    private static String describe(SchemaViolation v) {
        String value = v.value() == null ? "missing" : io.theus.state.internal.Conversions.describe(v.value());
        return "'" + v.path() + "' = " + value + " violates " + v.rule();
    }

    /** {@return every violation found in the commit, in change order} */
    public List<SchemaViolation> violations() {
        return violations;
    }

    /** {@return the first offending value, or {@code null} when a required value is missing} */
    public Object value() {
        return violations.get(0).value();
    }

    /** {@return the rule the first offending value broke} */
    public String rule() {
        return violations.get(0).rule();
    }
}
