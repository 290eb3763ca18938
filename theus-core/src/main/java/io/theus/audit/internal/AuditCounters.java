package io.theus.audit.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The violation and failure counters of one engine, grouped by process so a process's counters can be reset at
 * once. Each counter is an atomic integer updated with compare-and-set loops, so concurrent executions neither lose
 * counts nor block each other.
 *
 * <p>Thread-safe.
 */
final class AuditCounters {
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, AtomicInteger>> byProcess =
            new ConcurrentHashMap<>();

    private AtomicInteger counter(String process, String key) {
        return byProcess.computeIfAbsent(process, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new AtomicInteger());
    }

    /**
     * Adds one to a counter; if it reaches {@code resetAt} the counter goes back to zero in the same step.
     *
     * @param process the process
     * @param key the counter key
     * @param resetAt the count that resets the counter, or {@code Integer.MAX_VALUE} for never
     * @return the count reached (before any reset)
     */
    int increment(String process, String key, int resetAt) {
        AtomicInteger c = counter(process, key);
        while (true) {
            int prev = c.get();
            int next = prev == Integer.MAX_VALUE ? prev : prev + 1;
            if (c.compareAndSet(prev, next >= resetAt ? 0 : next)) {
                return next;
            }
        }
    }

    /**
     * Takes back one count (a retried attempt's), never going below zero.
     *
     * @param process the process
     * @param key the counter key
     */
    void undo(String process, String key) {
        counter(process, key).getAndUpdate(v -> Math.max(0, v - 1));
    }

    void reset(String process, String key) {
        Map<String, AtomicInteger> m = byProcess.get(process);
        AtomicInteger c = m == null ? null : m.get(key);
        if (c != null) {
            c.set(0);
        }
    }

    void resetProcess(String process) {
        Map<String, AtomicInteger> m = byProcess.get(process);
        if (m != null) {
            m.values().forEach(c -> c.set(0));
        }
    }

    void resetAll() {
        byProcess.values().forEach(m -> m.values().forEach(c -> c.set(0)));
    }

    int get(String key) {
        for (Map<String, AtomicInteger> m : byProcess.values()) {
            AtomicInteger c = m.get(key);
            if (c != null) {
                return c.get();
            }
        }
        return 0;
    }

    Map<String, Integer> nonZero() {
        Map<String, Integer> out = new TreeMap<>();
        byProcess.values().forEach(m -> m.forEach((k, c) -> {
            int v = c.get();
            if (v != 0) {
                out.put(k, v);
            }
        }));
        return out;
    }
}
