package io.theus.flux;

import io.theus.flux.internal.WorkflowLoader;
import io.theus.internal.yaml.YamlReader;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Flux workflow: a YAML document of steps (processes, {@code if}, {@code while}, nested {@code run} and
 * {@code parallel} blocks) whose conditions read the committed state. Loading validates the whole document and
 * compiles its conditions once; an engine checks the process names and arguments against its registry before the
 * first step runs.
 *
 * {@snippet :
 * Workflow workflow = Workflow.fromResource("workflows/agent.yaml");
 * WorkflowResult result = engine.executeWorkflow(workflow);
 * }
 *
 * <p>Loading refuses, with a {@link WorkflowDefinitionException} naming file, line and column: malformed YAML,
 * unknown or missing keys, empty blocks, values of the wrong type, conditions outside the expression grammar,
 * aliases that expand too far and nesting deeper than {@value #MAX_DEPTH} levels.
 *
 * <p>Workflows are immutable and thread-safe: one workflow may run many times, concurrently, on several engines.
 * Obtain them from the static factories; other implementations are refused by the engine.
 */
public interface Workflow {
    /** The deepest YAML nesting a workflow document may have. */
    int MAX_DEPTH = YamlReader.MAX_DEPTH;

    /**
     * Loads a workflow file (UTF-8).
     *
     * @param file the file
     * @return the workflow
     * @throws WorkflowDefinitionException if the file cannot be read or is not a valid workflow
     */
    static Workflow load(java.nio.file.Path file) {
        return WorkflowLoader.load(file);
    }

    /**
     * Loads a workflow from the class path, through the thread's context class loader (or this library's loader).
     *
     * @param resource the resource name, e.g. {@code workflows/agent.yaml}
     * @return the workflow
     * @throws WorkflowDefinitionException if there is no such resource or it is not a valid workflow
     */
    static Workflow fromResource(String resource) {
        return WorkflowLoader.fromResource(resource);
    }

    /**
     * Loads a workflow from the class path relative to a class, as {@link Class#getResourceAsStream} does.
     *
     * @param anchor the class whose package a relative name starts from
     * @param resource the resource name
     * @return the workflow
     * @throws WorkflowDefinitionException if there is no such resource or it is not a valid workflow
     */
    static Workflow fromResource(Class<?> anchor, String resource) {
        return WorkflowLoader.fromResource(anchor, resource);
    }

    /**
     * Reads a workflow from a stream of UTF-8 bytes (the stream is read to its end, not closed).
     *
     * @param source the name errors report
     * @param in the bytes
     * @return the workflow
     * @throws WorkflowDefinitionException if the bytes cannot be read or are not a valid workflow
     */
    static Workflow read(String source, InputStream in) {
        return WorkflowLoader.read(source, in);
    }

    /**
     * Parses a workflow from text.
     *
     * @param source the name errors report
     * @param yaml the document
     * @return the workflow
     * @throws WorkflowDefinitionException if the text is not a valid workflow
     */
    static Workflow parse(String source, String yaml) {
        return WorkflowLoader.parse(source, yaml);
    }

    /** {@return the workflow's {@code name}, or the file name without extension} */
    String name();

    /** {@return the workflow's {@code description}, if any} */
    Optional<String> description();

    /** {@return the file or resource it was loaded from} */
    String source();

    /** {@return the names of the processes its steps run} */
    Set<String> processes();

    /** {@return every step of the document in reading order (the index is {@link StepLocation#id()})} */
    List<StepLocation> steps();
}
