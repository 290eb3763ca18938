package io.theus.flux;

import io.theus.TheusEngine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowTracingTest {

    @Test
    void debugTracingLogsEveryStepAndConditionWithValues() {
        Logger logger = Logger.getLogger("io.theus.flux");
        List<String> messages = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                messages.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        Level previous = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(handler);
        try (TheusEngine engine = Fixtures.engine()) {
            engine.executeWorkflow(Fixtures.yaml("""
                    name: traced
                    steps:
                      - flux: while
                        condition: domain.counter < global.limit - 1
                        do: [increment]
                    """));
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }
        assertThat(messages).containsExactly(
                "workflow 'traced' while 'domain.counter < global.limit - 1' (test.yaml:3:5): condition "
                        + "`domain.counter < global.limit - 1` on version 1 is True with domain.counter = 0, "
                        + "global.limit = 3",
                "workflow 'traced' step 1: process 'increment' (test.yaml:5:10) committed version 2",
                "workflow 'traced' while 'domain.counter < global.limit - 1' (test.yaml:3:5): condition "
                        + "`domain.counter < global.limit - 1` on version 2 is True with domain.counter = 1, "
                        + "global.limit = 3",
                "workflow 'traced' step 2: process 'increment' (test.yaml:5:10) committed version 3",
                "workflow 'traced' while 'domain.counter < global.limit - 1' (test.yaml:3:5): condition "
                        + "`domain.counter < global.limit - 1` on version 3 is False with domain.counter = 2, "
                        + "global.limit = 3");
    }
}
