package io.theus.flux.internal;

import io.theus.flux.Workflow;
import io.theus.flux.WorkflowDefinitionException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Loads workflow documents: reads the bytes (UTF-8, at most {@value #MAX_BYTES} bytes), refuses documents nested
 * deeper than {@value #MAX_DEPTH} levels in a first pass over the parser's events (before anything recursive runs),
 * composes the node tree with SnakeYAML Engine (YAML 1.2 core schema, at most {@value #MAX_ALIASES} aliases) and
 * hands it to {@link DocumentReader}, which validates it into a {@link LoadedWorkflow}. Every failure, including the
 * library's own, becomes a {@link WorkflowDefinitionException} with the position.
 *
 * <p>Stateless and thread-safe.
 */
public final class WorkflowLoader {
    /** Deepest nesting of YAML collections accepted. */
    public static final int MAX_DEPTH = 100;
    /** Largest document accepted, in bytes. */
    public static final int MAX_BYTES = 1 << 20;
    /** Most aliases accepted in one document. */
    public static final int MAX_ALIASES = 50;

    private WorkflowLoader() {
    }

    /**
     * Loads a file.
     *
     * @param file the file
     * @return the workflow
     */
    public static Workflow load(java.nio.file.Path file) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(source, in);
        } catch (IOException e) {
            throw new WorkflowDefinitionException(source, 0, 0, "cannot read the workflow file: " + e,
                    "a readable YAML file", e);
        }
    }

    /**
     * Loads a class-path resource through the context class loader, or this library's.
     *
     * @param resource the resource name
     * @return the workflow
     */
    public static Workflow fromResource(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        if (in == null) {
            in = WorkflowLoader.class.getClassLoader().getResourceAsStream(resource);
        }
        return readResource(resource, in);
    }

    /**
     * Loads a class-path resource relative to a class.
     *
     * @param anchor the class
     * @param resource the resource name
     * @return the workflow
     */
    public static Workflow fromResource(Class<?> anchor, String resource) {
        return readResource(resource, anchor.getResourceAsStream(resource));
    }

    private static Workflow readResource(String resource, InputStream in) {
        if (in == null) {
            throw new WorkflowDefinitionException(resource, 0, 0, "no class-path resource named '" + resource + "'",
                    "a workflow YAML resource on the class path", null);
        }
        try (in) {
            return read(resource, in);
        } catch (IOException e) {
            throw new WorkflowDefinitionException(resource, 0, 0, "cannot read the resource: " + e,
                    "a readable YAML resource", e);
        }
    }

    /**
     * Reads UTF-8 bytes.
     *
     * @param source the name errors report
     * @param in the bytes
     * @return the workflow
     */
    public static Workflow read(String source, InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new WorkflowDefinitionException(source, 0, 0, "cannot read the workflow: " + e,
                    "a readable YAML document", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new WorkflowDefinitionException(source, 0, 0, "the workflow is larger than " + MAX_BYTES
                    + " bytes", "a document of at most " + MAX_BYTES + " bytes", null);
        }
        return parse(source, decode(source, bytes));
    }

    private static String decode(String source, byte[] bytes) {
        int skip = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            out.flip();
            String before = out.toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            throw new WorkflowDefinitionException(source, line, column, "the bytes are not valid UTF-8 (at byte "
                    + in.position() + ")", "a UTF-8 encoded YAML document", null);
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /**
     * Parses a document.
     *
     * @param source the name errors report
     * @param yaml the text
     * @return the workflow
     */
    public static Workflow parse(String source, String yaml) {
        if (yaml.length() > MAX_BYTES) {
            throw new WorkflowDefinitionException(source, 0, 0, "the workflow is longer than " + MAX_BYTES
                    + " characters", "a document of at most " + MAX_BYTES + " characters", null);
        }
        LoadSettings settings = LoadSettings.builder().setLabel(source).setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false).setAllowRecursiveKeys(false).setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_BYTES).setParseComments(false).build();
        Optional<Node> root;
        try {
            checkDepth(source, settings, yaml);
            root = new Compose(settings).composeString(yaml);
        } catch (WorkflowDefinitionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw yamlError(source, e);
        }
        return new DocumentReader(source, yaml).read(root.orElse(null));
    }

    private static void checkDepth(String source, LoadSettings settings, String yaml) {
        int depth = 0;
        int documents = 0;
        for (Event e : new Parse(settings).parseString(yaml)) {
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        SourcePos at = position(e.getStartMark());
                        throw new WorkflowDefinitionException(source, at.line(), at.column(), "the document nests "
                                + "deeper than " + MAX_DEPTH + " levels", "at most " + MAX_DEPTH + " levels", null);
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                case DocumentStart -> {
                    if (++documents > 1) {
                        SourcePos at = position(e.getStartMark());
                        throw new WorkflowDefinitionException(source, at.line(), at.column(), "a second YAML "
                                + "document starts here", "one workflow document per file", null);
                    }
                }
                default -> {
                }
            }
        }
    }

    private static WorkflowDefinitionException yamlError(String source, RuntimeException e) {
        SourcePos at = SourcePos.UNKNOWN;
        String problem = e.getMessage();
        if (e instanceof MarkedYamlEngineException m) {
            at = position(m.getProblemMark().isPresent() ? m.getProblemMark() : m.getContextMark());
            problem = (m.getContext() == null ? "" : m.getContext() + ": ") + m.getProblem();
        }
        return new WorkflowDefinitionException(source, at.line(), at.column(), "malformed YAML: "
                + String.valueOf(problem).strip(), "a well-formed YAML 1.2 document", e);
    }

    static SourcePos position(Optional<Mark> mark) {
        return mark.map(m -> new SourcePos(m.getLine() + 1, m.getColumn() + 1)).orElse(SourcePos.UNKNOWN);
    }
}
