package io.theus.contract;

import io.theus.IllegalWriteException;
import io.theus.TheusEngine;
import io.theus.state.Capability;
import io.theus.state.FieldPolicy;
import io.theus.state.Zone;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZoneCeilingTest {

    private static TheusEngine engine() {
        return TheusEngine.builder().fieldPolicy("domain.ledger", FieldPolicy.APPEND_ONLY)
                .fieldPolicy("domain.frozen", FieldPolicy.IMMUTABLE)
                .initialState(Map.of("domain", Map.of(
                        "const_rate", 3,
                        "internal_secret", "s3cret",
                        "meta_owner", "ops",
                        "log_events", List.of("boot"),
                        "plain", 1,
                        "ledger", List.of("open"),
                        "frozen", "ice"))).build();
    }

    private static void register(TheusEngine engine, String name, ProcessBody body) {
        engine.register(ProcessSpec.builder(name).outputs("domain").returns(ReturnMapping.RESULT).body(body).build());
    }

    private static IllegalWriteException denied(TheusEngine engine, String process) {
        try {
            engine.execute(process);
        } catch (IllegalWriteException e) {
            return e;
        }
        throw new AssertionError("process " + process + " was not denied");
    }

    @Test
    void constantZoneIsReadOnlyForProcesses() {
        try (TheusEngine engine = engine()) {
            register(engine, "set_const", (ctx, a) -> {
                ctx.set("domain.const_rate", 4);
                return null;
            });
            register(engine, "remove_const", (ctx, a) -> ctx.remove("domain.const_rate"));
            register(engine, "read_const", (ctx, a) -> ctx.getInt("domain.const_rate"));
            IllegalWriteException e = denied(engine, "set_const");
            assertThat(e.zone()).isEqualTo(Zone.CONSTANT);
            assertThat(e.capability()).isEqualTo(Capability.UPDATE);
            assertThat(e).hasMessageContaining("zone CONSTANT allows only READ");
            assertThat(denied(engine, "remove_const").capability()).isEqualTo(Capability.DELETE);
            assertThat(engine.execute("read_const")).isEqualTo(3);
        }
    }

    @Test
    @SuppressWarnings("try")
    void constantZoneStaysReadOnlyInsideAnAdminScope() {
        try (TheusEngine engine = engine()) {
            register(engine, "admin_const", (ctx, a) -> {
                try (var admin = ctx.admin("fix rate")) {
                    ctx.set("domain.const_rate", 4);
                }
                return null;
            });
            assertThat(denied(engine, "admin_const").zone()).isEqualTo(Zone.CONSTANT);
        }
    }

    @Test
    @SuppressWarnings("try")
    void privateZoneReadsAsAbsentAndIsNotWritableOutsideAdminScope() {
        try (TheusEngine engine = engine()) {
            register(engine, "peek", (ctx, a) -> ctx.get("domain.internal_secret"));
            register(engine, "peek_parent", (ctx, a) -> ctx.getMap("domain").containsKey("internal_secret"));
            register(engine, "poke", (ctx, a) -> {
                ctx.set("domain.internal_secret", "x");
                return null;
            });
            register(engine, "admin_peek", (ctx, a) -> {
                try (var admin = ctx.admin("audit")) {
                    return ctx.get("domain.internal_secret");
                }
            });
            assertThat(engine.execute("peek")).isNull();
            assertThat(engine.execute("peek_parent")).isEqualTo(false);
            assertThat(denied(engine, "poke")).hasMessageContaining("off limits outside an admin scope");
            assertThat(engine.execute("admin_peek")).isEqualTo("s3cret");
        }
    }

    @Test
    void replacingAParentMapCannotDropPrivateOrConstantChildren() {
        try (TheusEngine engine = engine()) {
            register(engine, "rewrite", (ctx, a) -> {
                ctx.set("domain", Map.of("plain", 2));
                return null;
            });
            register(engine, "rewrite_copy", (ctx, a) -> {
                ctx.set("domain", ctx.getMap("domain"));
                return null;
            });
            assertThat(denied(engine, "rewrite").path()).isPresent();
            assertThat(denied(engine, "rewrite_copy").zone()).isEqualTo(Zone.PRIVATE);
            assertThat(engine.state().getInt("domain.const_rate")).isEqualTo(3);
        }
    }

    @Test
    void mapsWithConstantChildrenAreCheckedWhenTheFirstConstantKeyAppearsDuringTheTransaction() {
        try (TheusEngine engine = TheusEngine.builder().initialState(Map.of("domain", Map.of("plain", 1))).build()) {
            register(engine, "create", (ctx, a) -> {
                ctx.set("domain.cfg", Map.of("const_limit", 5, "note", "x"));
                return null;
            });
            register(engine, "replace", (ctx, a) -> {
                ctx.set("domain.cfg", Map.of("note", "y"));
                return null;
            });
            assertThat(denied(engine, "create").zone()).isEqualTo(Zone.CONSTANT);
            engine.edit(e -> e.set("domain.cfg", Map.of("const_limit", 5, "note", "x")));
            assertThat(denied(engine, "replace").zone()).isEqualTo(Zone.CONSTANT);
            assertThat(engine.state().getInt("domain.cfg.const_limit")).isEqualTo(5);
        }
    }

    @Test
    void logZoneIsAppendOnly() {
        try (TheusEngine engine = engine()) {
            register(engine, "log", (ctx, a) -> {
                ctx.append("domain.log_events", "tick");
                return null;
            });
            register(engine, "rewrite_log", (ctx, a) -> {
                ctx.set("domain.log_events", List.of("forged"));
                return null;
            });
            register(engine, "drop_log", (ctx, a) -> ctx.remove("domain.log_events"));
            engine.execute("log");
            assertThat(engine.state().getList("domain.log_events")).containsExactly("boot", "tick");
            assertThat(denied(engine, "rewrite_log").capability()).isEqualTo(Capability.UPDATE);
            assertThat(denied(engine, "drop_log").capability()).isEqualTo(Capability.DELETE);
        }
    }

    @Test
    @SuppressWarnings("try")
    void adminScopeLiftsLogAndPrivateCeilingsAndIsReported() {
        java.util.List<String> reasons = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TheusEngine engine = TheusEngine.builder()
                .interceptor(new io.theus.tx.TransactionInterceptor() {
                    @Override
                    public void onAdminScope(String process, String reason) {
                        reasons.add(process + ": " + reason);
                    }
                })
                .initialState(Map.of("domain", Map.of("log_events", List.of("x"), "internal_k", 1))).build()) {
            register(engine, "repair", (ctx, a) -> {
                try (var admin = ctx.admin("GDPR erasure request 42")) {
                    ctx.set("domain.log_events", List.of());
                    ctx.remove("domain.internal_k");
                }
                return null;
            });
            engine.execute("repair");
            assertThat(engine.state().getList("domain.log_events")).isEmpty();
            assertThat(engine.state().contains("domain.internal_k")).isFalse();
            assertThat(reasons).containsExactly("repair: GDPR erasure request 42");
        }
    }

    @Test
    void signalAndMetaZonesAllowUpdateButNotDelete() {
        try (TheusEngine engine = engine()) {
            register(engine, "meta", (ctx, a) -> {
                ctx.set("domain.meta_owner", "dev");
                return null;
            });
            register(engine, "drop_meta", (ctx, a) -> ctx.remove("domain.meta_owner"));
            register(engine, "append_signal", (ctx, a) -> {
                ctx.append("domain.sig_x", 1);
                return null;
            });
            engine.execute("meta");
            assertThat(engine.state().getString("domain.meta_owner")).isEqualTo("dev");
            assertThat(denied(engine, "drop_meta").zone()).isEqualTo(Zone.META);
            assertThat(denied(engine, "append_signal").zone()).isEqualTo(Zone.SIGNAL);
        }
    }

    @Test
    void heavyZoneStoresValuesByReferenceWithoutFreezing() {
        try (TheusEngine engine = engine()) {
            byte[] model = new byte[1024];
            register(engine, "load", (ctx, a) -> {
                ctx.set("domain.heavy_model", model);
                return null;
            });
            engine.execute("load");
            assertThat(engine.state().get("domain.heavy_model")).isSameAs(model);
        }
    }

    @Test
    void fieldPoliciesNarrowWhatADataPathAllows() {
        try (TheusEngine engine = engine()) {
            register(engine, "append_ledger", (ctx, a) -> {
                ctx.append("domain.ledger", "entry");
                return null;
            });
            register(engine, "edit_ledger", (ctx, a) -> {
                ctx.set("domain.ledger.0", "rewritten");
                return null;
            });
            register(engine, "thaw", (ctx, a) -> {
                ctx.set("domain.frozen", "water");
                return null;
            });
            register(engine, "replace_parent", (ctx, a) -> {
                ctx.set("domain", Map.of("ledger", List.of()));
                return null;
            });
            engine.execute("append_ledger");
            assertThat(engine.state().getList("domain.ledger")).containsExactly("open", "entry");
            assertThat(denied(engine, "edit_ledger")).hasMessageContaining("field policy allows only READ|APPEND");
            assertThat(denied(engine, "thaw").capability()).isEqualTo(Capability.UPDATE);
            assertThat(denied(engine, "replace_parent")).isNotNull();
        }
    }

    @Test
    void ownerEditsMayCreateButNeverChangeConstants() {
        try (TheusEngine engine = engine()) {
            engine.edit(e -> e.set("domain.const_limit", 10));
            assertThat(engine.state().getInt("domain.const_limit")).isEqualTo(10);
            assertThatThrownBy(() -> engine.edit(e -> e.set("domain.const_limit", 11)))
                    .isInstanceOf(IllegalWriteException.class);
            engine.edit(e -> e.set("domain.internal_secret", "rotated"));
            assertThat(engine.state().getString("domain.internal_secret")).isEqualTo("rotated");
        }
    }

    @Test
    void heavyRootInTheInitialContextIsAMapWhoseValuesAreKeptByReference() {
        byte[] blob = new byte[16];
        java.util.Map<String, Object> model = new java.util.HashMap<>();
        try (TheusEngine engine = TheusEngine.builder()
                .initialState(Map.of("heavy", Map.of("blob", blob, "model", model))).build()) {
            assertThat(engine.state().get("heavy.blob")).isSameAs(blob);
            assertThat(engine.state().get("heavy.model")).isSameAs(model);
            engine.edit(e -> e.set("heavy.other", blob));
            assertThat(engine.state().getMap("heavy")).containsOnlyKeys("blob", "model", "other");
        }
    }
}
