package io.theus.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an engine's audit log.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sequence position in the engine's log, from 1, without gaps (entries beyond the log's capacity are dropped
 *                 oldest first, so a reader can tell how many it missed)
 * @param timestamp when the event happened (the engine's clock)
 * @param kind what happened
 * @param level the severity: the rule's level for violations and their consequences, the audit block's level for
 *              failures, {@link AuditLevel#I} for successes, admin scopes and interlock resets
 * @param key the counter key ({@code process:input:field}, {@code process:output:field}, {@code process:failure}),
 *            the process name for successes and admin scopes, the commit kind ({@code edit}, {@code transaction},
 *            {@code compare_and_swap}, {@code initial}) for owner commits, {@code engine} for interlock resets
 * @param process the process involved, or {@code null}
 * @param message what happened, naming the value and the rule for violations
 */
public record AuditEntry(long sequence, Instant timestamp, Kind kind, AuditLevel level, String key, String process,
                         String message) {

    /**
     * Validates the components.
     *
     * @param sequence position, at least 1
     * @param timestamp when
     * @param kind what
     * @param level severity
     * @param key key
     * @param process process or {@code null}
     * @param message message
     */
    public AuditEntry {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /**
     * What an audit entry records.
     *
     * <p>Enum constants are immutable and thread-safe.
     */
    public enum Kind {
        /** A process execution (or an owner commit) committed. */
        SUCCESS,
        /** A process execution failed with an exception other than an audit violation. */
        FAILURE,
        /** An audit rule was violated (any level). */
        VIOLATION,
        /** A counter reached {@code threshold_min}. */
        WARNING,
        /** A counter reached {@code threshold_max}: the execution was blocked (or failures escalated) and the
         *  counter reset. */
        BLOCK,
        /** The engine interlock tripped: executions are refused until it is reset. */
        INTERLOCK,
        /** The engine interlock was reset. */
        INTERLOCK_RESET,
        /** A process opened an admin (break-glass) scope; the message is the stated reason. */
        ADMIN_SCOPE
    }
}
