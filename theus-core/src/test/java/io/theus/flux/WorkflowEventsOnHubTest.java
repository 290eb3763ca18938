package io.theus.flux;

import io.theus.TheusEngine;
import io.theus.signal.Signal;
import io.theus.signal.Subscription;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowEventsOnHubTest {

    @Test
    void runEventsArePublishedOnTheEnginesHub() throws Exception {
        Workflow two = Fixtures.yaml("steps: [increment, increment]\n");
        try (TheusEngine engine = Fixtures.engine();
             Subscription events = engine.signals().subscribe("count.*")) {
            engine.executeWorkflow(two, WorkflowOptions.builder()
                    .observer(WorkflowObserver.publishingTo(engine.signals(), "count")).build());
            List<Signal> received = new ArrayList<>();
            for (Signal s = events.tryRecv(); s != null; s = events.tryRecv()) {
                received.add(s);
            }
            List<Object> steps = received.stream().filter(s -> s.topic().equals("count.step"))
                    .map(Signal::payload).toList();
            assertThat(steps).hasSize(2);
            Map<?, ?> second = (Map<?, ?>) steps.get(1);
            assertThat(second.get("label")).isEqualTo("increment");
            assertThat(second.get("number")).isEqualTo(2L);
            assertThat(second.get("version")).isEqualTo(3L);
            assertThat(received).extracting(Signal::topic).contains("count.transition");
            assertThat(received.stream().filter(s -> s.topic().equals("count.transition"))
                    .map(s -> ((Map<?, ?>) s.payload()).get("to")).toList()).last().isEqualTo("COMPLETE");
        }
    }

    @Test
    void topicPrefixMustNotBeBlank() {
        try (TheusEngine engine = Fixtures.engine()) {
            assertThatThrownBy(() -> WorkflowObserver.publishingTo(engine.signals(), " "))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
