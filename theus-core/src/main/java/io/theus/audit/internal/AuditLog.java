package io.theus.audit.internal;

import io.theus.audit.AuditEntry;
import io.theus.audit.AuditLevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The bounded audit log of one engine: a ring of the most recent entries.
 *
 * <p>Algorithm: a writer takes the next sequence number from an atomic counter and stores its entry in slot
 * {@code (sequence - 1) % capacity}, overwriting the entry {@code capacity} positions older. A reader takes the
 * counter, then collects the slots of the last {@code capacity} sequence numbers, keeping only entries whose own
 * sequence is the one expected in that slot (a slot still holding an older entry, or already a newer one, is
 * skipped). No lock; entries come out in sequence order.
 *
 * <p>Thread-safe.
 */
final class AuditLog {
    private final AtomicReferenceArray<AuditEntry> slots;
    private final AtomicLong sequence = new AtomicLong();
    private final int capacity;

    AuditLog(int capacity) {
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    AuditEntry record(Instant at, AuditEntry.Kind kind, AuditLevel level, String key, String process,
                      String message) {
        long seq = sequence.incrementAndGet();
        AuditEntry e = new AuditEntry(seq, at, kind, level, key, process, message);
        slots.set((int) ((seq - 1) % capacity), e);
        return e;
    }

    List<AuditEntry> entries() {
        long last = sequence.get();
        long first = Math.max(1, last - capacity + 1);
        List<AuditEntry> out = new ArrayList<>((int) (last - first + 1));
        for (long s = first; s <= last; s++) {
            AuditEntry e = slots.get((int) ((s - 1) % capacity));
            if (e != null && e.sequence() == s) {
                out.add(e);
            }
        }
        return out;
    }

    long recorded() {
        return sequence.get();
    }

    int capacity() {
        return capacity;
    }
}
