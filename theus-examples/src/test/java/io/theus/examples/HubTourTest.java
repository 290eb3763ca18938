package io.theus.examples;

import io.theus.TheusEngine;
import io.theus.examples.signals.HubTour;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HubTourTest {

    @Test
    void theTourShowsTopicsReceiveMethodsExactLagAndClosing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TheusEngine engine = HubTour.run(new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(engine.state().signals()).hasSize(1);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "published to 2; orders got A-1, then null, null, then fire",
                "missed 15",
                "continued at 12 (15 missed in total)",
                "drained 8, then: the signal hub is closed and this subscription has read every retained message",
                "cmd_stop = now, latched on version 1: now");
    }
}
