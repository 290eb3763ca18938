package io.theus.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The background loop of one attached outbox worker: drain, then sleep until woken by a commit, until the earliest
 * retry falls due, or until the poll interval passes; repeat until detached.
 *
 * <p>Thread-safe: {@code running} is volatile; {@code thread} is set before the attachment is handed out.
 */
final class RelayWorker implements OutboxRelay.Attachment {
    private static final System.Logger LOG = System.getLogger("io.theus.outbox");

    private final OutboxRelay relay;
    private final OutboxWorker worker;
    private final Set<String> topics;
    private volatile boolean running = true;
    private Thread thread;

    RelayWorker(OutboxRelay relay, OutboxWorker worker, Set<String> topics) {
        this.relay = relay;
        this.worker = worker;
        this.topics = topics;
    }

    void start() {
        thread = Thread.ofVirtual().name("theus-outbox-worker").unstarted(this::loop);
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                long seen = relay.wakeups();
                try {
                    relay.drainOnce(worker, topics, () -> running);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "outbox worker could not drain the store; will retry", e);
                }
                if (running) {
                    relay.awaitWake(seen, sleepNanos());
                }
            }
        } catch (InterruptedException e) {
            // detached while sleeping
        } finally {
            running = false;
            relay.detached(this);
        }
    }

    /** Until the earliest pending message of this worker's topics is due, capped by the poll interval. */
    private long sleepNanos() {
        long poll = OutboxRelay.toNanos(relay.policy().pollInterval());
        Instant due = relay.earliestDue(topics);
        if (due == null) {
            return poll;
        }
        Duration until = Duration.between(relay.clock().instant(), due);
        return until.isNegative() ? 0 : Math.min(poll, OutboxRelay.toNanos(until));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        t.interrupt();
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
