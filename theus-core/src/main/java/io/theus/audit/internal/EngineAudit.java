package io.theus.audit.internal;

import io.theus.audit.Audit;
import io.theus.audit.AuditEntry;
import io.theus.audit.AuditInterlockException;
import io.theus.audit.AuditLevel;
import io.theus.audit.AuditRecipe;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The audit state of one engine: recipe, log, counters and interlock. The engine hands it out as {@link Audit}; the
 * {@link AuditInterceptor} records into it.
 *
 * <p>Thread-safe: the log and counters are lock-free, the interlock is one atomic reference holding the entry that
 * tripped it.
 */
public final class EngineAudit implements Audit {
    private final boolean enabled;
    private final AuditRecipe recipe;
    private final InstantSource clock;
    private final AuditLog log;
    private final AuditCounters counters = new AuditCounters();
    private final AtomicReference<AuditEntry> interlock = new AtomicReference<>();

    /**
     * Creates the audit of an engine.
     *
     * @param recipe the recipe
     * @param capacity how many log entries to retain, at least 1
     * @param clock time source for timestamps
     */
    public EngineAudit(AuditRecipe recipe, int capacity, InstantSource clock) {
        this(true, recipe, capacity, clock);
    }

    private EngineAudit(boolean enabled, AuditRecipe recipe, int capacity, InstantSource clock) {
        this.enabled = enabled;
        this.recipe = Objects.requireNonNull(recipe, "recipe");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = new AuditLog(capacity);
    }

    /** {@return the audit of an engine built without a recipe: nothing is recorded} */
    public static EngineAudit disabled() {
        return new EngineAudit(false, AuditRecipe.empty(), 1, InstantSource.system());
    }

    AuditEntry record(AuditEntry.Kind kind, AuditLevel level, String key, String process, String message) {
        return log.record(clock.instant(), kind, level, key, process, message);
    }

    AuditCounters counterStore() {
        return counters;
    }

    InstantSource clock() {
        return clock;
    }

    void refuseIfInterlocked(String process) {
        AuditEntry cause = interlock.get();
        if (cause != null) {
            throw new AuditInterlockException(process, "the engine is interlocked since " + cause.timestamp()
                    + " (" + cause.message() + "); process '" + process
                    + "' is refused until engine.audit().resetInterlock(reason) is called");
        }
    }

    void trip(AuditLevel level, String key, String process, String message) {
        AuditEntry entry = record(AuditEntry.Kind.INTERLOCK, level, key, process, message);
        interlock.compareAndSet(null, entry);
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public AuditRecipe recipe() {
        return recipe;
    }

    @Override
    public List<AuditEntry> entries() {
        return log.entries();
    }

    @Override
    public List<AuditEntry> entries(Predicate<? super AuditEntry> filter) {
        Objects.requireNonNull(filter, "filter");
        return log.entries().stream().filter(filter).toList();
    }

    @Override
    public List<AuditEntry> entriesOf(String process) {
        Objects.requireNonNull(process, "process");
        return entries(e -> process.equals(e.process()));
    }

    @Override
    public long recorded() {
        return log.recorded();
    }

    @Override
    public int capacity() {
        return log.capacity();
    }

    @Override
    public int count(String key) {
        return counters.get(Objects.requireNonNull(key, "key"));
    }

    @Override
    public Map<String, Integer> counters() {
        return counters.nonZero();
    }

    @Override
    public void resetCounters() {
        counters.resetAll();
    }

    @Override
    public boolean interlocked() {
        return interlock.get() != null;
    }

    @Override
    public Optional<AuditEntry> interlockCause() {
        return Optional.ofNullable(interlock.get());
    }

    @Override
    public void resetInterlock(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
        AuditEntry cause = interlock.getAndSet(null);
        if (cause != null) {
            record(AuditEntry.Kind.INTERLOCK_RESET, AuditLevel.I, "engine", null, "interlock reset (tripped by '"
                    + cause.key() + "'): " + reason);
        }
    }

    @Override
    public String toString() {
        return "Audit[" + (enabled ? recipe.source() : "off") + ", " + log.recorded() + " entries recorded"
                + (interlocked() ? ", INTERLOCKED" : "") + "]";
    }
}
