package io.theus.testkit;

import io.theus.contract.ProcessSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestkitTest {

    @RegisterExtension
    final TheusEngineExtension theus = TheusEngineExtension.with(b -> b
                    .initialState(Map.of("domain", Map.of("counter", 0))))
            .registering(ProcessSpec.builder("increment").outputs("domain.counter", "domain.sig_changed")
                    .returns(io.theus.contract.ReturnMapping.RESULT)
                    .body((ctx, args) -> {
                        ctx.set("domain.counter", ctx.getInt("domain.counter") + 1);
                        ctx.set("domain.sig_changed", true);
                        return null;
                    }).build());

    @Test
    void eachTestGetsAFreshEngineWithItsProcessesRegistered() {
        theus.engine().execute("increment");
        TheusAssertions.assertThat(theus.engine().state()).isAtVersion(2).hasValue("domain.counter", 1L)
                .hasSignal("domain.sig_changed", true).hasNoValue("domain.missing");
    }

    @Test
    void anotherTestStartsFromTheInitialStateAgain() {
        TheusAssertions.assertThat(theus.engine().state()).isAtVersion(1).hasValue("domain.counter", 0)
                .hasNoSignals();
    }

    @Test
    void failedAssertionsNameThePathAndWhatWasFound() {
        assertThatThrownBy(() -> TheusAssertions.assertThat(theus.engine().state()).hasValue("domain.counter", 5))
                .hasMessageContaining("Expected <5> at 'domain.counter' but found <0> (version 1)");
        assertThatThrownBy(() -> TheusAssertions.assertThat(theus.engine().state()).hasValue("domain.nope", 1))
                .hasMessageContaining("there is no value");
        assertThatThrownBy(() -> TheusAssertions.assertThat(theus.engine().state()).isAtVersion(9))
                .hasMessageContaining("at version 1");
        assertThatThrownBy(() -> TheusAssertions.assertThat(theus.engine().state()).hasSignal("x"))
                .hasMessageContaining("Expected a signal 'x'");
    }
}
