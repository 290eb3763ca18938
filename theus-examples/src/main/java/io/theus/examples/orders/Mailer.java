package io.theus.examples.orders;

import io.theus.outbox.OutboxMessage;
import io.theus.outbox.OutboxWorker;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for an e-mail service, used as an outbox worker: it "sends" an order confirmation per message, and its
 * server is busy on the very first attempt, so the relay's retry shows.
 *
 * <p>Thread-safe.
 */
public final class Mailer implements OutboxWorker {
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final CountDownLatch expected;
    private boolean busyOnce = true; // only the relay's single worker thread touches it

    /**
     * Creates a mailer.
     *
     * @param expectedMails how many confirmations {@link #awaitSent} waits for
     */
    public Mailer(int expectedMails) {
        this.expected = new CountDownLatch(expectedMails);
    }

    @Override
    public void deliver(OutboxMessage message) throws IOException {
        Object id = ((Map<?, ?>) message.payload()).get("id");
        if (busyOnce) {
            busyOnce = false;
            log.add("attempt " + message.attempts() + " for order " + id + " failed (mail server busy); will retry");
            throw new IOException("mail server busy");
        }
        sent.add(String.valueOf(id));
        log.add("sent confirmation for order " + id + " (attempt " + message.attempts() + ")");
        expected.countDown();
    }

    /** {@return the ids of the orders confirmed, in sending order} */
    public List<String> sent() {
        return List.copyOf(sent);
    }

    /** {@return what the mailer did, in order} */
    public List<String> log() {
        return List.copyOf(log);
    }

    /**
     * Waits for the expected confirmations.
     *
     * @param timeoutSeconds how long at most
     * @return whether they were all sent in time
     * @throws InterruptedException if interrupted
     */
    public boolean awaitSent(long timeoutSeconds) throws InterruptedException {
        return expected.await(timeoutSeconds, TimeUnit.SECONDS);
    }
}
