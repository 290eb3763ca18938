package io.theus.testkit;

import io.theus.signal.Signal;
import io.theus.state.StateSnapshot;
import org.assertj.core.api.AbstractAssert;

import java.util.Objects;

/**
 * AssertJ assertions on a committed {@link StateSnapshot}: version, values at paths, latched signals. Failure
 * messages name the path and show what was found.
 *
 * {@snippet :
 * TheusAssertions.assertThat(engine.state())
 *         .isAtVersion(3)
 *         .hasValue("domain.total_value", 1900)
 *         .hasNoValue("domain.internal_draft")
 *         .hasSignal("domain.sig_restock_needed", true);
 * }
 *
 * <p>Not thread-safe (like every AssertJ assertion); the snapshot itself is immutable.
 */
public final class StateAssert extends AbstractAssert<StateAssert, StateSnapshot> {

    StateAssert(StateSnapshot actual) {
        super(actual, StateAssert.class);
    }

    /**
     * Checks the version number.
     *
     * @param version the expected version
     * @return this assertion
     */
    public StateAssert isAtVersion(long version) {
        isNotNull();
        if (actual.version() != version) {
            failWithMessage("Expected state at version %d but it is at version %d", version, actual.version());
        }
        return this;
    }

    /**
     * Checks the value at a path with {@link Objects#equals}; numbers of different boxed types are compared by value
     * when both are integral ({@code 5} equals {@code 5L}).
     *
     * @param path the path
     * @param expected the expected value
     * @return this assertion
     */
    public StateAssert hasValue(String path, Object expected) {
        isNotNull();
        Object value = actual.get(path);
        if (value == null) {
            failWithMessage("Expected <%s> at '%s' but there is no value (version %d)", expected, path,
                    actual.version());
        }
        if (!sameValue(value, expected)) {
            failWithMessage("Expected <%s> at '%s' but found <%s> (version %d)", expected, path, value,
                    actual.version());
        }
        return this;
    }

    /**
     * Checks that a path holds no value.
     *
     * @param path the path
     * @return this assertion
     */
    public StateAssert hasNoValue(String path) {
        isNotNull();
        Object value = actual.get(path);
        if (value != null) {
            failWithMessage("Expected no value at '%s' but found <%s> (version %d)", path, value, actual.version());
        }
        return this;
    }

    /**
     * Checks that a signal with a topic is latched on this version.
     *
     * @param topic the topic
     * @return this assertion
     */
    public StateAssert hasSignal(String topic) {
        isNotNull();
        if (actual.signals().stream().noneMatch(s -> s.topic().equals(topic))) {
            failWithMessage("Expected a signal '%s' on version %d but its signals are %s", topic, actual.version(),
                    actual.signals());
        }
        return this;
    }

    /**
     * Checks that the last signal with a topic carries a payload.
     *
     * @param topic the topic
     * @param payload the expected payload
     * @return this assertion
     */
    public StateAssert hasSignal(String topic, Object payload) {
        hasSignal(topic);
        Signal last = actual.signals().stream().filter(s -> s.topic().equals(topic)).reduce((a, b) -> b)
                .orElseThrow();
        if (!sameValue(last.payload(), payload)) {
            failWithMessage("Expected signal '%s' with payload <%s> but it carries <%s>", topic, payload,
                    last.payload());
        }
        return this;
    }

    /**
     * Checks that no signal is latched on this version.
     *
     * @return this assertion
     */
    public StateAssert hasNoSignals() {
        isNotNull();
        if (!actual.signals().isEmpty()) {
            failWithMessage("Expected no signals on version %d but found %s", actual.version(), actual.signals());
        }
        return this;
    }

    private static boolean sameValue(Object a, Object b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        return integral(a) && integral(b) && ((Number) a).longValue() == ((Number) b).longValue();
    }

    private static boolean integral(Object o) {
        return o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte;
    }
}
