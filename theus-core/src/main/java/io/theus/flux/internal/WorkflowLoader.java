package io.theus.flux.internal;

import io.theus.flux.Workflow;
import io.theus.flux.WorkflowDefinitionException;
import io.theus.internal.yaml.YamlDocument;
import io.theus.internal.yaml.YamlReader;

import java.io.InputStream;

/**
 * Loads workflow documents: the shared {@link YamlReader} reads them (size, UTF-8, depth, aliases and expanded size
 * refused before composition; YAML 1.2 core schema) and raises its refusals as {@link WorkflowDefinitionException}s;
 * {@link DocumentReader} validates the node tree into a {@link LoadedWorkflow}.
 *
 * <p>Stateless and thread-safe.
 */
public final class WorkflowLoader {
    private static final YamlReader READER = YamlReader.reporting(WorkflowDefinitionException::new);

    private WorkflowLoader() {
    }

    /**
     * Loads a file.
     *
     * @param file the file
     * @return the workflow
     */
    public static Workflow load(java.nio.file.Path file) {
        return workflow(READER.load(file));
    }

    /**
     * Loads a class-path resource through the context class loader, or this library's.
     *
     * @param resource the resource name
     * @return the workflow
     */
    public static Workflow fromResource(String resource) {
        return workflow(READER.loadResource(resource, Thread.currentThread().getContextClassLoader(),
                WorkflowLoader.class.getClassLoader()));
    }

    /**
     * Loads a class-path resource relative to a class.
     *
     * @param anchor the class
     * @param resource the resource name
     * @return the workflow
     */
    public static Workflow fromResource(Class<?> anchor, String resource) {
        return workflow(READER.loadResource(anchor, resource));
    }

    /**
     * Reads UTF-8 bytes.
     *
     * @param source the name errors report
     * @param in the bytes
     * @return the workflow
     */
    public static Workflow read(String source, InputStream in) {
        return workflow(READER.read(source, in));
    }

    /**
     * Parses a document.
     *
     * @param source the name errors report
     * @param yaml the text
     * @return the workflow
     */
    public static Workflow parse(String source, String yaml) {
        return workflow(READER.parse(source, yaml));
    }

    private static Workflow workflow(YamlDocument doc) {
        return new DocumentReader(doc).read();
    }
}
