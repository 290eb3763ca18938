package io.theus.signal;

import io.theus.TheusException;

/**
 * Raised by a receive once the hub is closed and the subscription has read every message still retained, by a
 * receive on a closed subscription, and by a publish on a closed hub.
 *
 * <p>Immutable and thread-safe.
 */
public class SignalHubClosedException extends TheusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is closed and what was refused
     */
    public SignalHubClosedException(String message) {
        super(message);
    }
}
