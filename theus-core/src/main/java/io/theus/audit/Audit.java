package io.theus.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The audit of one engine ({@code engine.audit()}): its bounded log, its counters and its interlock. Audit is on
 * when the engine was built with a recipe ({@code TheusEngine.builder().audit(recipe)}, possibly
 * {@link AuditRecipe#empty()}); otherwise {@link #enabled()} is {@code false}, the log stays empty and the interlock
 * never trips.
 *
 * <p>The log is a ring of the most recent entries (timestamp, kind, level, key, message): every process success and
 * failure, every violation and its consequence (warning, block, interlock), every owner commit and every admin scope.
 * A conflict retry re-runs both gates against the new snapshot; only the attempt that ends the execution is logged
 * and counted.
 *
 * <p>Thread-safe: the log and the counters may be read while processes run.
 */
public interface Audit {

    /** {@return whether the engine was built with a recipe} */
    boolean enabled();

    /** {@return the recipe ({@link AuditRecipe#empty()} when audit is off)} */
    AuditRecipe recipe();

    /** {@return the retained entries, oldest first} */
    List<AuditEntry> entries();

    /**
     * Returns the retained entries that match a filter, oldest first.
     *
     * @param filter e.g. {@code e -> e.kind() == AuditEntry.Kind.VIOLATION}
     * @return the matching entries
     */
    List<AuditEntry> entries(Predicate<? super AuditEntry> filter);

    /**
     * Returns the retained entries about one process, oldest first.
     *
     * @param process the process name
     * @return its entries
     */
    List<AuditEntry> entriesOf(String process);

    /** {@return how many entries were ever recorded (entries beyond {@link #capacity()} were dropped)} */
    long recorded();

    /** {@return how many entries the log retains} */
    int capacity();

    /**
     * Returns a counter.
     *
     * @param key e.g. {@code add_product:input:price} or {@code add_product:failure}
     * @return its count (0 if never counted or reset)
     */
    int count(String key);

    /** {@return every non-zero counter by key} */
    Map<String, Integer> counters();

    /** Resets every counter to zero. */
    void resetCounters();

    /** {@return whether the interlock is tripped (a level-S violation): executions are refused until reset} */
    boolean interlocked();

    /** {@return the entry that tripped the interlock, while it is tripped} */
    Optional<AuditEntry> interlockCause();

    /**
     * Resets the interlock with the reason "reset by the application"; see {@link #resetInterlock(String)}.
     */
    default void resetInterlock() {
        resetInterlock("reset by the application");
    }

    /**
     * Resets the interlock so the engine executes processes again; logs an {@link AuditEntry.Kind#INTERLOCK_RESET}
     * entry. Does nothing if the interlock is not tripped.
     *
     * @param reason why it is safe to resume (recorded in the log)
     */
    void resetInterlock(String reason);
}
