package io.theus.internal.yaml;

import io.theus.DefinitionException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
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
import java.nio.file.Path;

/**
 * Reads a YAML definition document (audit recipe, context schema, Flux workflow) from text, bytes, a stream, a file
 * or a classpath resource into a {@link YamlDocument}, refusing bad input before it can hurt. In order:
 * <ol>
 *   <li>size: at most {@value #MAX_BYTES} bytes (1 MiB) of UTF-8 — a stream is read no further; text given as a
 *       string is measured by its UTF-8 encoding; the error points at the first character past the limit;</li>
 *   <li>encoding: bytes must be valid UTF-8 (a byte-order mark is skipped); the error names the line and column of
 *       the first bad byte;</li>
 *   <li>one iterative pass over the parser's events ({@link EventLimits}) refuses a second document, nesting deeper
 *       than {@value #MAX_DEPTH} levels, more than {@value #MAX_ALIASES} aliases, aliases that would expand the tree
 *       past {@value #MAX_NODES} nodes (a "billion laughs" document) or into itself — all measured on the tree as
 *       aliases expand, so no walker of the composed tree can recurse deeper or visit more;</li>
 *   <li>SnakeYAML Engine composes the node tree (its composer is recursive, hence the pass before) with the YAML 1.2
 *       core schema ({@code 1e9} is a number, {@code yes} a string) and without duplicate or recursive keys; an
 *       empty document is refused.</li>
 * </ol>
 * Every refusal, the parser's own included, is an exception made by the reader's {@link DefinitionErrors}, naming
 * the document, the 1-based line and column, and the rule.
 *
 * <p>The limits are the stricter of the two readers this one replaced, except the alias count, where recipes and
 * schemas relied on 64 (a list of 60 rules sharing one anchor is legitimate).
 *
 * <p>Immutable and thread-safe.
 */
public final class YamlReader {
    /** Largest document accepted, in bytes of UTF-8 (1 MiB). */
    public static final int MAX_BYTES = 1 << 20;
    /** Deepest collection nesting accepted, aliases expanded. */
    public static final int MAX_DEPTH = 64;
    /** Most aliases accepted in one document. */
    public static final int MAX_ALIASES = 64;
    /** Most nodes (collections, keys and scalars) in one document once its aliases are expanded. */
    public static final int MAX_NODES = 50_000;

    private static final YamlReader PLAIN = new YamlReader(DefinitionErrors.PLAIN);

    private final DefinitionErrors errors;

    private YamlReader(DefinitionErrors errors) {
        this.errors = errors;
    }

    /** {@return a reader that raises plain {@link DefinitionException}s} */
    public static YamlReader plain() {
        return PLAIN;
    }

    /**
     * Creates a reader that raises the exceptions a front-end makes.
     *
     * @param errors how errors are made
     * @return the reader
     */
    public static YamlReader reporting(DefinitionErrors errors) {
        return new YamlReader(errors);
    }

    /**
     * Parses a document held in a string.
     *
     * @param source how errors name the document
     * @param text the YAML text
     * @return the document
     * @throws DefinitionException if the text is not one well-formed YAML document within the limits
     */
    public YamlDocument parse(String source, String text) {
        int fitting = charsWithin(text, MAX_BYTES);
        if (fitting < text.length()) {
            throw tooLarge(source, text.substring(0, fitting));
        }
        return compose(source, text);
    }

    /**
     * Reads a document from UTF-8 bytes.
     *
     * @param source how errors name the document
     * @param bytes the bytes
     * @return the document
     * @throws DefinitionException if the bytes are too many, not UTF-8 or not a well-formed document
     */
    public YamlDocument read(String source, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(source, new String(bytes, 0, MAX_BYTES, StandardCharsets.UTF_8));
        }
        return compose(source, decode(source, bytes));
    }

    /**
     * Reads a document from a stream of UTF-8 bytes; at most {@value #MAX_BYTES} + 1 bytes are read, and the stream
     * is not closed.
     *
     * @param source how errors name the document
     * @param in the stream
     * @return the document
     * @throws DefinitionException if the stream cannot be read or holds no acceptable document
     */
    public YamlDocument read(String source, InputStream in) {
        try {
            return read(source, in.readNBytes(MAX_BYTES + 1));
        } catch (IOException e) {
            throw unreadable(source, "stream", e);
        }
    }

    /**
     * Reads a file of UTF-8 bytes; errors name it by its path.
     *
     * @param file the file
     * @return the document
     * @throws DefinitionException if the file cannot be read or holds no acceptable document
     */
    public YamlDocument load(Path file) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(source, in.readNBytes(MAX_BYTES + 1));
        } catch (IOException e) {
            throw unreadable(source, "file", e);
        }
    }

    /**
     * Reads a classpath resource from the first of the class loaders that has it; errors name it
     * {@code classpath:name}.
     *
     * @param resource the resource name, e.g. {@code com/example/audit.yaml} (a leading {@code /} is ignored)
     * @param loaders the class loaders to look in, in order ({@code null}s are skipped)
     * @return the document
     * @throws DefinitionException if no loader has the resource, or it cannot be read or holds no acceptable document
     */
    public YamlDocument loadResource(String resource, ClassLoader... loaders) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        for (ClassLoader loader : loaders) {
            InputStream in = loader == null ? null : loader.getResourceAsStream(name);
            if (in != null) {
                return readResource(name, in);
            }
        }
        return readResource(name, null);
    }

    /**
     * Reads a classpath resource relative to a class, as {@link Class#getResourceAsStream} finds it; errors name it
     * {@code classpath:} followed by the absolute resource name.
     *
     * @param anchor the class whose package a relative name starts from
     * @param resource the resource name
     * @return the document
     * @throws DefinitionException if there is no such resource, or it cannot be read or holds no acceptable document
     */
    public YamlDocument loadResource(Class<?> anchor, String resource) {
        String name = resource.startsWith("/") ? resource.substring(1)
                : anchor.getPackageName().isEmpty() ? resource
                : anchor.getPackageName().replace('.', '/') + "/" + resource;
        return readResource(name, anchor.getResourceAsStream(resource));
    }

    private YamlDocument readResource(String name, InputStream in) {
        String source = "classpath:" + name;
        if (in == null) {
            throw errors.create(source, 0, 0, "no such classpath resource", "a YAML resource on the classpath", null);
        }
        try (in) {
            return read(source, in.readNBytes(MAX_BYTES + 1));
        } catch (IOException e) {
            throw unreadable(source, "resource", e);
        }
    }

    private YamlDocument compose(String source, String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(source).setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false).setAllowRecursiveKeys(false).setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_BYTES).setParseComments(false).build();
        Node root;
        try {
            EventLimits.check(text, settings, source, errors);
            root = new Compose(settings).composeString(text).orElse(null);
        } catch (DefinitionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformed(source, e);
        }
        if (root == null || YamlDocument.isNull(root)) {
            Position at = root == null ? Position.UNKNOWN : Position.of(root.getStartMark());
            throw errors.create(source, at.line(), at.column(), "the document is empty", "a YAML document", null);
        }
        return new YamlDocument(source, text, root, errors);
    }

    private DefinitionException malformed(String source, RuntimeException e) {
        Position at = Position.UNKNOWN;
        String problem = e.getMessage();
        if (e instanceof MarkedYamlEngineException m) {
            at = Position.of(m.getProblemMark().isPresent() ? m.getProblemMark() : m.getContextMark());
            problem = (m.getContext() == null ? "" : m.getContext() + ": ") + m.getProblem();
        }
        return errors.create(source, at.line(), at.column(), "malformed YAML: " + String.valueOf(problem).strip(),
                "a well-formed YAML 1.2 document", e);
    }

    private String decode(String source, byte[] bytes) {
        int skip = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            out.flip();
            Position at = after(out.toString());
            throw errors.create(source, at.line(), at.column(), "the bytes are not valid UTF-8 (at byte "
                    + in.position() + ")", "a UTF-8 encoded YAML document", null);
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** {@return how many leading chars of the text fit in that many bytes of UTF-8} */
    private static int charsWithin(String text, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
            if (bytes > maxBytes) {
                return i;
            }
            i += pair ? 2 : 1;
        }
        return i;
    }

    /** {@return the position of the character that follows a prefix of the document} */
    private static Position after(String before) {
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        return new Position(line, before.length() - before.lastIndexOf('\n'));
    }

    private DefinitionException tooLarge(String source, String accepted) {
        Position at = after(accepted);
        return errors.create(source, at.line(), at.column(), "the document is larger than " + MAX_BYTES + " bytes",
                "a document of at most " + MAX_BYTES + " bytes of UTF-8", null);
    }

    private DefinitionException unreadable(String source, String what, IOException e) {
        return errors.create(source, 0, 0, "cannot read the " + what + ": " + e, "a readable " + what, e);
    }
}
