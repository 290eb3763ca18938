package io.theus.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ZoneTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "domain.items, DATA",
            "domain.const_rate, CONSTANT",
            "domain.internal_secret, PRIVATE",
            "domain.sig_restock, SIGNAL",
            "domain.cmd_stop, SIGNAL",
            "domain.meta_owner, META",
            "domain.heavy_model, HEAVY",
            "heavy.model, HEAVY",
            "signal.cmd_stop, SIGNAL",
            "domain.log_events, LOG",
            "domain.audit_trail, LOG",
            "global.constant, DATA",
            "domain.a.const_b.c, CONSTANT"})
    void zoneIsDecidedByPrefixOrRoot(String path, Zone zone) {
        assertThat(Zone.of(Path.of(path))).isEqualTo(zone);
    }

    @Test
    void firstMatchFromTheRootWins() {
        assertThat(Zone.of(Path.of("domain.internal_x.const_y"))).isEqualTo(Zone.PRIVATE);
        assertThat(Zone.of(Path.of("domain.log_x.internal_y"))).isEqualTo(Zone.LOG);
        assertThat(Zone.child(Zone.LOG, "const_x")).isEqualTo(Zone.LOG);
        assertThat(Zone.child(Zone.DATA, "const_x")).isEqualTo(Zone.CONSTANT);
    }

    @Test
    void ceilingsMatchTheSpecification() {
        assertThat(Capability.describe(Zone.CONSTANT.ceiling())).isEqualTo("READ");
        assertThat(Capability.describe(Zone.PRIVATE.ceiling())).isEqualTo("NONE");
        assertThat(Capability.describe(Zone.SIGNAL.ceiling())).isEqualTo("READ|UPDATE");
        assertThat(Capability.describe(Zone.META.ceiling())).isEqualTo("READ|UPDATE");
        assertThat(Capability.describe(Zone.LOG.ceiling())).isEqualTo("READ|APPEND");
        assertThat(Capability.describe(Zone.DATA.ceiling())).isEqualTo("READ|APPEND|UPDATE|DELETE");
        assertThat(Zone.HEAVY.allows(Capability.UPDATE)).isTrue();
    }
}
