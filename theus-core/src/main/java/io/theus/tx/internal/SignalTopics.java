package io.theus.tx.internal;

import io.theus.state.Path;

/**
 * Maps SIGNAL-zone paths to signal topics: under the {@code signal} root the topic is the rest of the path
 * ({@code signal.cmd_stop} is topic {@code cmd_stop}); elsewhere it is the whole canonical path
 * ({@code domain.sig_restock}). Stateless and thread-safe.
 */
public final class SignalTopics {
    private SignalTopics() {
    }

    /**
     * Returns the topic a SIGNAL-zone path writes and reads.
     *
     * @param path a SIGNAL-zone path
     * @return its topic
     */
    public static String of(Path path) {
        String text = path.toString();
        if (path.root().equals(Path.SIGNAL_ROOT) && path.size() > 1) {
            return text.substring(Path.SIGNAL_ROOT.length() + 1);
        }
        return text;
    }
}
