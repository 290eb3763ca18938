package io.theus.audit;

import java.util.Objects;

/**
 * The global {@code audit:} block of a recipe: the defaults every rule inherits and the rules for counting process
 * failures.
 *
 * {@snippet lang=yaml :
 * audit:
 *   level: B              # default level of rules without one, and the level of process failures
 *   threshold_max: 3      # default count at which a level-B rule blocks (and failures escalate)
 *   threshold_min: 2      # count at which a WARNING entry is logged (0: never)
 *   reset_on_success: true
 * }
 *
 * <p>Immutable and thread-safe.
 *
 * @param level default level of rules that name none; the level of process failures
 * @param thresholdMax default {@code threshold_max} of level-B rules; the failure count at which failures escalate
 * @param thresholdMin count at which a warning entry is logged ({@code 0} for never)
 * @param resetOnSuccess whether a clean successful execution resets the process's counters
 */
public record AuditSettings(AuditLevel level, int thresholdMax, int thresholdMin, boolean resetOnSuccess) {
    /** Default of {@code threshold_max}. */
    public static final int DEFAULT_THRESHOLD_MAX = 3;

    /**
     * Validates the settings.
     *
     * @param level not {@code null}
     * @param thresholdMax at least 1
     * @param thresholdMin at least 0
     * @param resetOnSuccess whether success resets counters
     */
    public AuditSettings {
        Objects.requireNonNull(level, "level");
        if (thresholdMax < 1) {
            throw new IllegalArgumentException("threshold_max must be >= 1, was " + thresholdMax);
        }
        if (thresholdMin < 0) {
            throw new IllegalArgumentException("threshold_min must be >= 0, was " + thresholdMin);
        }
    }

    /** {@return level B, threshold_max 3, threshold_min 0 (no warnings), reset_on_success true} */
    public static AuditSettings defaults() {
        return new AuditSettings(AuditLevel.B, DEFAULT_THRESHOLD_MAX, 0, true);
    }

    /**
     * Returns these settings with another level.
     *
     * @param value the level
     * @return the new settings
     */
    public AuditSettings withLevel(AuditLevel value) {
        return new AuditSettings(value, thresholdMax, thresholdMin, resetOnSuccess);
    }

    /**
     * Returns these settings with another {@code threshold_max}.
     *
     * @param value at least 1
     * @return the new settings
     */
    public AuditSettings withThresholdMax(int value) {
        return new AuditSettings(level, value, thresholdMin, resetOnSuccess);
    }

    /**
     * Returns these settings with another {@code threshold_min}.
     *
     * @param value at least 0
     * @return the new settings
     */
    public AuditSettings withThresholdMin(int value) {
        return new AuditSettings(level, thresholdMax, value, resetOnSuccess);
    }

    /**
     * Returns these settings with another {@code reset_on_success}.
     *
     * @param value whether success resets counters
     * @return the new settings
     */
    public AuditSettings withResetOnSuccess(boolean value) {
        return new AuditSettings(level, thresholdMax, thresholdMin, value);
    }
}
