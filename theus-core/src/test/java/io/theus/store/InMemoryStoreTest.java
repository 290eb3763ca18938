package io.theus.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryStoreTest extends StateStoreContractTest {

    @Override
    StateStore store() {
        return StateStore.inMemory();
    }

    @Test
    void theInMemoryStoreIsNotDurable() {
        assertThat(store().durable()).isFalse();
    }
}
