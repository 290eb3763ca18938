package io.theus.contract;

import java.util.function.UnaryOperator;

/**
 * Write access to the state inside a transaction. Values are frozen when written (mutable maps and lists are copied
 * once into immutable ones; values that cannot be made immutable are refused), except in the heavy zone.
 *
 * <p>Not thread-safe: a writer belongs to the thread running its transaction.
 */
public interface StateWriter {

    /**
     * Sets the value at a path, creating missing intermediate maps. Setting a SIGNAL-zone path emits a signal whose
     * topic is the path.
     *
     * @param path dotted or bracket path
     * @param value the new value, not {@code null} (use {@link #remove} to delete)
     */
    void set(String path, Object value);

    /**
     * Replaces the value at a path with a function of the current value.
     *
     * @param path dotted or bracket path
     * @param fn receives the current value ({@code null} if absent) and returns the new one
     */
    void update(String path, UnaryOperator<Object> fn);

    /**
     * Replaces the value at a path with a function of the current value, converted to a type first.
     *
     * @param path dotted or bracket path
     * @param type the type the current value is converted to (e.g. {@code Integer.class})
     * @param fn receives the current value ({@code null} if absent) and returns the new one
     * @param <T> the value type
     */
    <T> void update(String path, Class<T> type, UnaryOperator<T> fn);

    /**
     * Appends a value to the list at a path, creating the list if absent.
     *
     * @param path dotted or bracket path of a list
     * @param value the element, not {@code null}
     */
    void append(String path, Object value);

    /**
     * Removes the value at a path (a map key or a list element). The removal is committed like any write.
     *
     * @param path dotted or bracket path
     * @return {@code true} if there was a value to remove
     */
    boolean remove(String path);

    /**
     * Emits a signal, published on the signal hub after the transaction commits (never if it does not).
     *
     * @param topic the topic
     * @param payload an immutable payload, not {@code null}
     */
    void emit(String topic, Object payload);

    /**
     * Writes a message to the transactional outbox. It is stored with the commit and reaches the outbox relay only
     * if this transaction commits — never if it rolls back, is re-run after a conflict, or is rejected by an audit or
     * schema gate. The relay then delivers it at least once ({@link io.theus.outbox.OutboxRelay}).
     *
     * {@snippet :
     * ctx.append("domain.orders", order);
     * ctx.outbox("order.placed", Map.of("id", order.id(), "total", order.total()));
     * }
     *
     * @param topic what the message is about, e.g. {@code order.placed}; not blank
     * @param payload the payload, not {@code null}; frozen like a state value
     */
    void outbox(String topic, Object payload);
}
