package io.theus.examples;

import io.theus.TheusEngine;
import io.theus.examples.bank.BankExample;
import io.theus.examples.bank.InsufficientFundsException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BankExampleTest {

    @Test
    void successfulTransferMovesMoneyAndTheRefusedOneLeavesNoTrace() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TheusEngine engine = BankExample.run(new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(engine.state().getLong("domain.accounts.alice.balance")).isEqualTo(70);
            assertThat(engine.state().getLong("domain.accounts.bob.balance")).isEqualTo(50);
            assertThat(engine.state().version()).isEqualTo(2);
            assertThat(engine.state().getList("domain.log_transfers")).containsExactly("alice -> bob: 30");
            assertThatThrownBy(() -> engine.execute("transfer", Map.of("from", "bob", "to", "alice", "amount", 51)))
                    .isInstanceOf(InsufficientFundsException.class);
            assertThat(engine.state().getLong("domain.accounts.alice.balance")).isEqualTo(70);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("bob -> alice 500 refused",
                "after rollback: alice=70 bob=50 (version 2)");
    }
}
