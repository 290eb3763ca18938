package io.theus.outbox;

/**
 * Delivers one outbox message to the outside world (a broker, an e-mail service, another system's API). Returning
 * normally acknowledges the message; throwing makes the relay retry it later with backoff. Delivery is at least
 * once: a message can arrive twice (for example when a worker dies after delivering and before the
 * acknowledgement), so make the receiving side idempotent, e.g. keyed by {@link OutboxMessage#id()}.
 *
 * {@snippet :
 * relay.attachWorker(message -> broker.send(message.topic(), message.payload()), "order.placed");
 * }
 *
 * <p>Implementations are called from the relay's worker thread or from the thread calling {@code drain}; they must
 * be thread-safe if attached more than once.
 */
@FunctionalInterface
public interface OutboxWorker {

    /**
     * Delivers a message.
     *
     * @param message the message (its {@code attempts} counts this delivery)
     * @throws Exception if the delivery failed; the message is retried
     */
    void deliver(OutboxMessage message) throws Exception;
}
