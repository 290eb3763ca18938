package io.theus.outbox;

import io.theus.store.StateStore;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The outbox relay: delivers committed outbox messages to the outside world, at least once, with acknowledgement.
 * Messages come from the {@link StateStore}, which holds a message only if the transaction that wrote it committed.
 * A worker ({@link OutboxWorker}) that returns normally acknowledges a message; one that throws makes the relay
 * retry it with exponential backoff ({@link OutboxPolicy}); after the last allowed attempt the message is marked
 * {@link OutboxStatus#FAILED} and stays visible ({@link #failed()}) until {@link #requeue requeued} or
 * {@link #discard discarded}.
 *
 * {@snippet :
 * OutboxRelay relay = engine.outbox();
 * DrainResult r = relay.drain(message -> mailer.send(message.payload()));   // on this thread, now
 * try (OutboxRelay.Attachment worker = relay.attachWorker(message -> broker.send(message), "order.placed")) {
 *     // delivered in the background as orders commit
 * }
 * }
 *
 * <p>Thread-safe. {@link #drain} runs on the calling thread; each {@link #attachWorker attached worker} runs on its
 * own virtual thread until detached or until the relay closes. Workers claim messages with a lease, so two workers
 * never deliver the same message at the same time.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.theus.outbox");
    private static final int BATCH = 32;

    private final StateStore store;
    private final OutboxPolicy policy;
    private final InstantSource clock;
    private final List<RelayWorker> workers = new CopyOnWriteArrayList<>();
    private final ReentrantLock wakeLock = new ReentrantLock();
    private final Condition woken = wakeLock.newCondition();
    private long wakeups; // guarded by wakeLock
    private volatile boolean closed;

    private OutboxRelay(StateStore store, OutboxPolicy policy, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates a relay over a store. An engine has one ({@code TheusEngine.outbox()}); a separate relay over a
     * durable store can deliver from another process.
     *
     * @param store where committed messages are
     * @param policy retries and pacing
     * @param clock time source for due times and leases
     * @return the relay
     */
    public static OutboxRelay over(StateStore store, OutboxPolicy policy, InstantSource clock) {
        return new OutboxRelay(store, policy, clock);
    }

    /** {@return the retry and pacing policy} */
    public OutboxPolicy policy() {
        return policy;
    }

    /**
     * Delivers every message that is due now, on the calling thread, until none is due (messages that fail are
     * rescheduled for later and not retried within this call unless their backoff has already passed).
     *
     * @param worker delivers one message
     * @param topics the topics to deliver; none means every topic
     * @return how many were delivered and how many attempts failed
     */
    public DrainResult drain(OutboxWorker worker, String... topics) {
        Objects.requireNonNull(worker, "worker");
        ensureOpen();
        return drainOnce(worker, Set.of(topics), null);
    }

    /**
     * Attaches a background worker: it delivers due messages on its own virtual thread as commits add them, as
     * retries fall due, and at least every {@link OutboxPolicy#pollInterval()}.
     *
     * @param worker delivers one message
     * @param topics the topics this worker delivers; none means every topic
     * @return the attachment; close it to detach the worker
     */
    public Attachment attachWorker(OutboxWorker worker, String... topics) {
        Objects.requireNonNull(worker, "worker");
        ensureOpen();
        RelayWorker w = new RelayWorker(this, worker, Set.of(topics));
        workers.add(w);
        w.start();
        return w;
    }

    /** {@return every message not yet acknowledged (pending, in flight and failed), in id order} */
    public List<OutboxMessage> pending() {
        return store.outbox();
    }

    /** {@return the messages whose every allowed attempt failed, with their last error} */
    public List<OutboxMessage> failed() {
        return store.outbox().stream().filter(m -> m.status() == OutboxStatus.FAILED).toList();
    }

    /**
     * Puts a failed message back in line: pending, due now, with a fresh count of attempts.
     *
     * @param id the message id
     * @return {@code false} if there is no failed message with that id
     */
    public boolean requeue(long id) {
        for (OutboxMessage m : store.outbox()) {
            if (m.id() == id && m.status() == OutboxStatus.FAILED) {
                store.updateOutbox(m.requeued(clock.instant()));
                wake();
                return true;
            }
        }
        return false;
    }

    /**
     * Removes a message without delivering it (for example a failed one that is no longer wanted).
     *
     * @param id the message id
     */
    public void discard(long id) {
        store.acknowledgeOutbox(id);
    }

    /**
     * Tells attached workers to look for due messages now. The engine calls it after each commit that wrote outbox
     * messages; call it after adding messages to a shared store from elsewhere.
     */
    public void wake() {
        if (workers.isEmpty()) {
            return;
        }
        wakeLock.lock();
        try {
            wakeups++;
            woken.signalAll();
        } finally {
            wakeLock.unlock();
        }
    }

    /** {@return whether the relay is closed} */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Detaches every worker (interrupting deliveries under way and waiting for them to stop) and refuses further
     * drains. Messages stay in the store. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        List<RelayWorker> all = new ArrayList<>(workers);
        all.forEach(RelayWorker::close);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the outbox relay is closed");
        }
    }

    // ---------------------------------------------------------------- machinery shared with RelayWorker

    /**
     * Claims and delivers due messages until none is due.
     *
     * @param worker the worker
     * @param topics its topics
     * @param running told {@code false} to stop between messages (claimed but undelivered ones are released), or
     *                {@code null} to run to the end
     * @return the counts
     */
    DrainResult drainOnce(OutboxWorker worker, Set<String> topics, java.util.function.BooleanSupplier running) {
        int delivered = 0;
        int failed = 0;
        while (true) {
            Instant now = clock.instant();
            List<OutboxMessage> batch = store.claimOutbox(topics, BATCH, now, now.plus(policy.lease()));
            if (batch.isEmpty()) {
                return new DrainResult(delivered, failed);
            }
            for (OutboxMessage m : batch) {
                if (running != null && !running.getAsBoolean()) {
                    store.updateOutbox(m.released(clock.instant()));
                } else if (deliver(worker, m)) {
                    delivered++;
                } else {
                    failed++;
                }
            }
        }
    }

    private boolean deliver(OutboxWorker worker, OutboxMessage m) {
        try {
            worker.deliver(m);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            onFailure(m, e);
            return false;
        }
        store.acknowledgeOutbox(m.id());
        return true;
    }

    private void onFailure(OutboxMessage m, Exception e) {
        String error = e.toString();
        if (m.attempts() >= policy.maxAttempts()) {
            store.updateOutbox(m.failed(error));
            LOG.log(System.Logger.Level.WARNING, "outbox message " + m.id() + " (" + m.topic() + ") failed "
                    + m.attempts() + " attempt(s) and is marked FAILED: " + error);
        } else {
            store.updateOutbox(m.retryAt(clock.instant().plus(policy.backoff(m.attempts())), error));
            LOG.log(System.Logger.Level.DEBUG, "outbox message " + m.id() + " delivery attempt " + m.attempts()
                    + " failed; retrying: " + error);
        }
    }

    /** {@return the earliest time a pending message of these topics is due, or {@code null} if none is pending} */
    Instant earliestDue(Set<String> topics) {
        Instant earliest = null;
        for (OutboxMessage m : store.outbox()) {
            if (m.status() != OutboxStatus.FAILED && (topics.isEmpty() || topics.contains(m.topic()))
                    && (earliest == null || m.nextAttemptAt().isBefore(earliest))) {
                earliest = m.nextAttemptAt();
            }
        }
        return earliest;
    }

    InstantSource clock() {
        return clock;
    }

    long wakeups() {
        wakeLock.lock();
        try {
            return wakeups;
        } finally {
            wakeLock.unlock();
        }
    }

    /** Waits until {@link #wake()} is called after {@code seen} was read, or the time passes. */
    void awaitWake(long seen, long nanos) throws InterruptedException {
        wakeLock.lock();
        try {
            long left = nanos;
            while (wakeups == seen && left > 0 && !closed) {
                left = woken.awaitNanos(left);
            }
        } finally {
            wakeLock.unlock();
        }
    }

    void detached(RelayWorker w) {
        workers.remove(w);
        wakeLock.lock();
        try {
            woken.signalAll();
        } finally {
            wakeLock.unlock();
        }
    }

    static long toNanos(java.time.Duration d) {
        return d.compareTo(java.time.Duration.ofDays(1)) > 0 ? TimeUnit.DAYS.toNanos(1) : d.toNanos();
    }

    /**
     * A worker attached to the relay. Not thread-safe to share beyond closing: {@link #close()} may be called from
     * any thread.
     */
    public interface Attachment extends AutoCloseable {
        /** {@return whether the worker is still attached and running} */
        boolean isRunning();

        /** Detaches the worker: interrupts a delivery under way, waits for the worker thread to end. Idempotent. */
        @Override
        void close();
    }
}
