package io.theus.store.internal;

import io.theus.outbox.OutboxDraft;
import io.theus.outbox.OutboxMessage;
import io.theus.store.CommitRecord;
import io.theus.store.StateStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The default store: not durable (the engine's head version is the state), keeps the outbox in memory in id order.
 * Commits without outbox messages never reach it.
 *
 * <p>Thread-safe: every operation holds {@code lock}, which guards {@code messages} and {@code nextId}. Outbox
 * operations are rare next to commits and short, so one lock is simplest.
 */
public final class InMemoryStore implements StateStore {
    private final ReentrantLock lock = new ReentrantLock();
    private final TreeMap<Long, OutboxMessage> messages = new TreeMap<>();
    private long nextId = 1;

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public void record(CommitRecord commit) {
        if (commit.outbox().isEmpty()) {
            return;
        }
        lock.lock();
        try {
            for (OutboxDraft d : commit.outbox()) {
                long id = nextId++;
                messages.put(id, OutboxMessage.committed(id, commit.version(), d));
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<OutboxMessage> claimOutbox(Set<String> topics, int max, Instant now, Instant leaseUntil) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, was " + max);
        }
        List<OutboxMessage> claimed = new ArrayList<>();
        lock.lock();
        try {
            for (OutboxMessage m : messages.values()) {
                if (m.isDue(now) && (topics.isEmpty() || topics.contains(m.topic()))) {
                    claimed.add(m.claimed(leaseUntil));
                    if (claimed.size() == max) {
                        break;
                    }
                }
            }
            for (OutboxMessage m : claimed) {
                messages.put(m.id(), m);
            }
        } finally {
            lock.unlock();
        }
        return claimed;
    }

    @Override
    public void acknowledgeOutbox(long id) {
        lock.lock();
        try {
            messages.remove(id);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void updateOutbox(OutboxMessage message) {
        lock.lock();
        try {
            messages.computeIfPresent(message.id(), (id, old) -> message);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<OutboxMessage> outbox() {
        lock.lock();
        try {
            return List.copyOf(messages.values());
        } finally {
            lock.unlock();
        }
    }
}
