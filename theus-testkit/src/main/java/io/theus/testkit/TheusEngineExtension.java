package io.theus.testkit;

import io.theus.TheusEngine;
import io.theus.TheusEngineBuilder;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A JUnit 5 extension that gives every test a fresh engine, configured by the same builder steps, and closes it
 * after the test.
 *
 * {@snippet :
 * @RegisterExtension
 * final TheusEngineExtension theus = TheusEngineExtension.with(b -> b
 *         .initialState(Map.of("domain", Map.of("counter", 0))))
 *         .registering(CounterProcesses.class);
 *
 * @Test
 * void incrementAddsOne() {
 *     theus.engine().execute("increment", Map.of("by", 1));
 *     TheusAssertions.assertThat(theus.engine().state()).hasValue("domain.counter", 1);
 * }
 * }
 *
 * <p>Not thread-safe: one instance per test class; parallel test methods each need their own instance.
 */
public final class TheusEngineExtension implements BeforeEachCallback, AfterEachCallback {
    private final Consumer<TheusEngineBuilder> configuration;
    private final Object[] processes;
    private TheusEngine engine;

    private TheusEngineExtension(Consumer<TheusEngineBuilder> configuration, Object[] processes) {
        this.configuration = configuration;
        this.processes = processes;
    }

    /**
     * Creates the extension.
     *
     * @param configuration builder steps applied for every test
     * @return the extension
     */
    public static TheusEngineExtension with(Consumer<TheusEngineBuilder> configuration) {
        return new TheusEngineExtension(Objects.requireNonNull(configuration, "configuration"), new Object[0]);
    }

    /**
     * Returns a copy that also registers processes (classes, objects or {@code ProcessSpec}s) on every engine.
     *
     * @param toRegister what to pass to {@link TheusEngine#register(Object)}
     * @return the new extension
     */
    public TheusEngineExtension registering(Object... toRegister) {
        return new TheusEngineExtension(configuration, toRegister.clone());
    }

    /**
     * Returns the engine of the running test.
     *
     * @return the engine
     * @throws IllegalStateException outside a test
     */
    public TheusEngine engine() {
        if (engine == null) {
            throw new IllegalStateException("no engine outside a test; is the extension registered with "
                    + "@RegisterExtension?");
        }
        return engine;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TheusEngineBuilder builder = TheusEngine.builder();
        configuration.accept(builder);
        engine = builder.build();
        for (Object p : processes) {
            engine.register(p);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
