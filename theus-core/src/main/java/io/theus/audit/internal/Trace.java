package io.theus.audit.internal;

import io.theus.audit.AuditEntry;
import io.theus.audit.AuditLevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one process execution has done to the audit so far: entries waiting to be logged when the execution ends,
 * and counter increments of the current attempt (taken back if a conflict re-runs the process).
 *
 * <p>Not thread-safe: confined to the thread running the execution.
 */
final class Trace {
    private record Pending(Instant at, AuditEntry.Kind kind, AuditLevel level, String key, String message) {
    }

    final String process;
    final ProcessRules rules;
    boolean counted;
    private final List<Pending> pending = new ArrayList<>(2);
    private final List<String> increments = new ArrayList<>(2);

    Trace(String process, ProcessRules rules) {
        this.process = process;
        this.rules = rules;
    }

    void pend(EngineAudit book, AuditEntry.Kind kind, AuditLevel level, String key, String message) {
        pending.add(new Pending(book.clock().instant(), kind, level, key, message));
    }

    void counted(String key) {
        counted = true;
        increments.add(key);
    }

    /** Forgets the previous attempt: its entries are dropped and its counts taken back. */
    void retry(AuditCounters counters) {
        for (String key : increments) {
            counters.undo(process, key);
        }
        increments.clear();
        pending.clear();
        counted = false;
    }

    /** Writes the waiting entries to the log, in order. */
    void flush(EngineAudit book) {
        for (Pending p : pending) {
            book.record(p.kind(), p.level(), p.key(), process, p.message());
        }
        pending.clear();
    }
}
