package io.theus.examples;

import io.theus.TheusEngine;
import io.theus.examples.outbox.OutboxTour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OutboxTourTest {

    @Test
    void aFailedMessageStaysVisibleUntilRequeuedAndWorkersDeliverCommittedMessages() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TheusEngine engine = OutboxTour.run(new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(engine.outbox().pending()).isEmpty();
            assertThat(engine.state().getList("domain.orders")).containsExactly("A-1", "A-2", "A-3");
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "DrainResult[delivered=0, failed=1]; A-1 is FAILED: java.io.IOException: broker unreachable",
                "delivered A-1 (message 1, version 2)",
                "DrainResult[delivered=1, failed=0]; pending: 0",
                "worker delivered A-2",
                "worker delivered A-3",
                "both delivered: true, worker running: true");
    }
}
