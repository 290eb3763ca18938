package io.theus.signal.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which topics a subscription receives: exact topics, and prefixes written with a trailing {@code *}
 * ({@code order.*} matches {@code order.placed}); a lone {@code *} matches every topic. Compiled once per
 * subscription; matching runs no user code.
 *
 * <p>Immutable and thread-safe.
 */
public final class TopicFilter {
    private final Set<String> exact;
    private final String[] prefixes;

    private TopicFilter(Set<String> exact, String[] prefixes) {
        this.exact = exact;
        this.prefixes = prefixes;
    }

    /**
     * Compiles topic patterns.
     *
     * @param patterns exact topics or prefixes ending in {@code *}; at least one
     * @return the filter, or {@code null} when some pattern matches every topic
     * @throws IllegalArgumentException if there is no pattern, or one is blank or has a {@code *} before its end
     */
    public static TopicFilter of(String... patterns) {
        Objects.requireNonNull(patterns, "topics");
        if (patterns.length == 0) {
            throw new IllegalArgumentException("subscribe needs at least one topic; use subscribe() for all topics");
        }
        Set<String> exact = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String p : patterns) {
            Objects.requireNonNull(p, "topic");
            int star = p.indexOf('*');
            if (p.isBlank() || (star >= 0 && star != p.length() - 1)) {
                throw new IllegalArgumentException("topic pattern must be a non-blank topic or a prefix ending in"
                        + " '*', was '" + p + "'");
            }
            if (p.equals("*")) {
                return null;
            }
            if (star > 0) {
                prefixes.add(p.substring(0, star));
            } else {
                exact.add(p);
            }
        }
        return new TopicFilter(Set.copyOf(exact), prefixes.toArray(String[]::new));
    }

    /**
     * Tells whether a topic passes.
     *
     * @param topic the topic
     * @return {@code true} if it matches an exact topic or a prefix
     */
    public boolean test(String topic) {
        if (exact.contains(topic)) {
            return true;
        }
        for (String p : prefixes) {
            if (topic.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
