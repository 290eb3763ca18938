package io.theus.flux;

import io.theus.TheusEngine;
import io.theus.TheusEngineBuilder;
import io.theus.contract.ProcessSpec;

import java.util.List;
import java.util.Map;

/** Engines and processes shared by the Flux tests. */
final class Fixtures {
    private Fixtures() {
    }

    static TheusEngineBuilder builder() {
        return TheusEngine.builder().initialState(Map.of(
                "global", Map.of("limit", 3),
                "domain", Map.of("counter", 0, "a", 0, "b", 0, "log", List.of(), "name", "theus")));
    }

    /** {@return an engine with the standard processes registered} */
    static TheusEngine engine() {
        return withProcesses(builder().build());
    }

    static TheusEngine withProcesses(TheusEngine engine) {
        engine.register(ProcessSpec.builder("increment").outputs("domain.counter")
                .body((ctx, args) -> ctx.getInt("domain.counter") + 1).build());
        engine.register(ProcessSpec.builder("add").outputs("domain.counter").param("amount", int.class)
                .body((ctx, args) -> ctx.getInt("domain.counter") + args.getInt("amount")).build());
        engine.register(ProcessSpec.builder("inc_a").outputs("domain.a")
                .body((ctx, args) -> ctx.getInt("domain.a") + 1).build());
        engine.register(ProcessSpec.builder("inc_b").outputs("domain.b")
                .body((ctx, args) -> ctx.getInt("domain.b") + 1).build());
        engine.register(ProcessSpec.builder("record").outputs("domain.log").param("label", String.class)
                .body((ctx, args) -> {
                    ctx.append("domain.log", args.getString("label"));
                    return null;
                }).build());
        engine.register(ProcessSpec.builder("noop").inputs("domain.counter")
                .body((ctx, args) -> null).build());
        engine.register(ProcessSpec.builder("tick").outputs("domain.counter", "signal.cmd_stop")
                .inputs("global.limit").body((ctx, args) -> {
                    int next = ctx.getInt("domain.counter") + 1;
                    ctx.set("domain.counter", next);
                    if (next >= ctx.getInt("global.limit")) {
                        ctx.set("signal.cmd_stop", "True");
                    }
                    return null;
                }).build());
        engine.register(ProcessSpec.builder("explode").outputs("domain.counter").body((ctx, args) -> {
            ctx.set("domain.counter", -1);
            throw new IllegalStateException("boom");
        }).errors(IllegalStateException.class).build());
        return engine;
    }

    static Workflow yaml(String text) {
        return Workflow.parse("test.yaml", text);
    }
}
