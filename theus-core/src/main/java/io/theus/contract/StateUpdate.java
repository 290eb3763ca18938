package io.theus.contract;

import io.theus.signal.Signal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A batch of changes returned by a process or passed to {@code compareAndSwap}: data writes, removals, heavy-zone
 * assignments, signals and an optional asserted version. Every part is honoured. When returned by a process, data
 * keys may be full paths or the unique leaf name of a declared output.
 *
 * <p>Immutable and thread-safe (the values themselves are frozen when applied).
 *
 * @param data path (or output leaf name) to new value, in application order
 * @param removals paths to remove
 * @param heavy heavy-zone key (under the {@code heavy} root) to value, stored by reference
 * @param signals signals to emit, in order
 * @param assertedVersion when present, the commit fails unless the state is still at exactly this version
 */
public record StateUpdate(Map<String, Object> data, List<String> removals, Map<String, Object> heavy,
                          List<Signal> signals, OptionalLong assertedVersion) {

    /**
     * Copies and validates the components.
     *
     * @param data path to value
     * @param removals paths to remove
     * @param heavy heavy key to value
     * @param signals signals to emit
     * @param assertedVersion the expected version, if any
     */
    public StateUpdate {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(data, "data")));
        removals = List.copyOf(removals);
        heavy = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(heavy, "heavy")));
        signals = List.copyOf(signals);
        Objects.requireNonNull(assertedVersion, "assertedVersion");
        data.forEach((k, v) -> Objects.requireNonNull(v, () -> "value of '" + k + "' must not be null"));
        heavy.forEach((k, v) -> Objects.requireNonNull(v, () -> "heavy value of '" + k + "' must not be null"));
    }

    /**
     * An update that only sets data.
     *
     * @param data path to value
     * @return the update
     */
    public static StateUpdate of(Map<String, ?> data) {
        return builder().setAll(data).build();
    }

    /** {@return a builder for an update} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return whether the update changes nothing and asserts nothing} */
    public boolean isEmpty() {
        return data.isEmpty() && removals.isEmpty() && heavy.isEmpty() && signals.isEmpty()
                && assertedVersion.isEmpty();
    }

    /** Builds a {@link StateUpdate}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Object> data = new LinkedHashMap<>();
        private final List<String> removals = new ArrayList<>();
        private final Map<String, Object> heavy = new LinkedHashMap<>();
        private final List<Signal> signals = new ArrayList<>();
        private OptionalLong assertedVersion = OptionalLong.empty();

        private Builder() {
        }

        /**
         * Sets a value.
         *
         * @param path path or output leaf name
         * @param value the value, not {@code null}
         * @return this builder
         */
        public Builder set(String path, Object value) {
            data.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets several values.
         *
         * @param values path to value
         * @return this builder
         */
        public Builder setAll(Map<String, ?> values) {
            values.forEach(this::set);
            return this;
        }

        /**
         * Removes a path.
         *
         * @param path the path
         * @return this builder
         */
        public Builder remove(String path) {
            removals.add(Objects.requireNonNull(path, "path"));
            return this;
        }

        /**
         * Assigns a heavy-zone value (stored by reference under {@code heavy.<key>}).
         *
         * @param key the key under the heavy root
         * @param value the value, not {@code null}
         * @return this builder
         */
        public Builder heavy(String key, Object value) {
            heavy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Emits a signal.
         *
         * @param topic the topic
         * @param payload the payload
         * @return this builder
         */
        public Builder signal(String topic, Object payload) {
            signals.add(new Signal(topic, payload));
            return this;
        }

        /**
         * Asserts the version the update was computed from.
         *
         * @param version the version the state must still be at
         * @return this builder
         */
        public Builder assertVersion(long version) {
            if (version < 0) {
                throw new IllegalArgumentException("asserted version must be >= 0, was " + version);
            }
            this.assertedVersion = OptionalLong.of(version);
            return this;
        }

        /** {@return the update} */
        public StateUpdate build() {
            return new StateUpdate(data, removals, heavy, signals, assertedVersion);
        }
    }
}
