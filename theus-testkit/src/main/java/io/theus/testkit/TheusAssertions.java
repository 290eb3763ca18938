package io.theus.testkit;

import io.theus.state.StateSnapshot;

/**
 * Entry point of the test kit's assertions. Import statically beside AssertJ's {@code assertThat}.
 *
 * <p>Stateless and thread-safe.
 */
public final class TheusAssertions {
    private TheusAssertions() {
    }

    /**
     * Starts assertions on a snapshot.
     *
     * @param snapshot the snapshot, typically {@code engine.state()}
     * @return the assertion
     */
    public static StateAssert assertThat(StateSnapshot snapshot) {
        return new StateAssert(snapshot);
    }
}
