package io.theus.internal.yaml;

import io.theus.DefinitionException;
import io.theus.flux.WorkflowDefinitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.theus.internal.yaml.YamlReader.MAX_ALIASES;
import static io.theus.internal.yaml.YamlReader.MAX_BYTES;
import static io.theus.internal.yaml.YamlReader.MAX_DEPTH;
import static io.theus.internal.yaml.YamlReader.MAX_NODES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The shared YAML reader: each limit, the encoding and the document shape are refused with source, line, column. */
class YamlReaderTest {
    private static final YamlReader READER = YamlReader.plain();

    private static DefinitionException refused(String yaml) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> READER.parse("t.yaml", yaml));
        assertThat(e).as("refused:%n%s", yaml.length() > 200 ? yaml.substring(0, 200) + "..." : yaml).isNotNull();
        return e;
    }

    private static DefinitionException refused(byte[] bytes) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> READER.read("t.yaml", bytes));
        assertThat(e).isNotNull();
        return e;
    }

    private static void assertAt(DefinitionException e, int line, int column, String problem) {
        assertThat(e.source()).isEqualTo("t.yaml");
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.line()).as("line").isEqualTo(line);
        assertThat(e.column()).as("column").isEqualTo(column);
        assertThat(e.getMessage()).isEqualTo("t.yaml:" + line + ":" + column + ": " + problem);
    }

    @Test
    void aDocumentOfExactlyTheSizeLimitLoads() {
        String yaml = "k: " + "x".repeat(MAX_BYTES - 3);
        assertThat(READER.parse("t.yaml", yaml).root()).isNotNull();
        assertThat(READER.read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)).root()).isNotNull();
    }

    @Test
    void oneByteMoreThanTheSizeLimitIsRefusedAtTheFirstCharacterPastIt() {
        String yaml = "k:\n  " + "x".repeat(MAX_BYTES - 5) + "y";
        String problem = "the document is larger than 1048576 bytes";
        assertAt(refused(yaml), 2, MAX_BYTES - 3 + 1, problem);
        assertAt(refused(yaml.getBytes(StandardCharsets.UTF_8)), 2, MAX_BYTES - 3 + 1, problem);
    }

    @Test
    void textIsMeasuredByItsUtf8Encoding() {
        String yaml = "k: " + "\u00e9".repeat(MAX_BYTES / 2);
        assertThat(yaml.length()).isLessThan(MAX_BYTES);
        assertThat(refused(yaml).problem()).isEqualTo("the document is larger than 1048576 bytes");
    }

    @Test
    void aStreamIsReadNoFurtherThanOneBytePastTheLimit() {
        EndlessComments in = new EndlessComments();
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> READER.read("t.yaml", in));
        assertThat(e.problem()).isEqualTo("the document is larger than 1048576 bytes");
        assertThat(in.served).isEqualTo(MAX_BYTES + 1L);
    }

    @Test
    void nestingOfTheMaximumDepthLoadsAndOneLevelMoreIsRefusedWhereItOpens() {
        // the root mapping is level 1, so 'k: ' followed by 63 brackets is 64 levels
        String ok = "k: " + "[".repeat(MAX_DEPTH - 1) + "]".repeat(MAX_DEPTH - 1);
        assertThat(READER.parse("t.yaml", ok).root()).isNotNull();
        String deep = "a: 1\nk: " + "[".repeat(MAX_DEPTH) + "]".repeat(MAX_DEPTH);
        assertAt(refused(deep), 2, 3 + MAX_DEPTH, "nesting deeper than 64 levels");
    }

    @Test
    void nestingIsMeasuredWithAliasesExpanded() {
        String yaml = "deep: &d " + "[".repeat(40) + "]".repeat(40) + "\n"
                + "k: " + "[".repeat(30) + "*d" + "]".repeat(30) + "\n";
        // the alias stands at level 31 and brings 40 levels with it
        assertAt(refused(yaml), 2, 34, "nesting deeper than 64 levels");
    }

    @Test
    void theMaximumNumberOfAliasesLoadsAndOneMoreIsRefusedAtThatAlias() {
        assertThat(READER.parse("t.yaml", aliases(MAX_ALIASES)).root()).isNotNull();
        // 'b: [' is 4 characters and every '*a, ' 4 more: the 65th alias starts at column 4 + 64 * 4 + 1
        assertAt(refused(aliases(MAX_ALIASES + 1)), 2, 261, "more than 64 aliases");
    }

    private static String aliases(int count) {
        return "a: &a x\nb: [" + "*a, ".repeat(count - 1) + "*a]\n";
    }

    @Test
    void billionLaughsIsRefusedAtTheAliasWhereTheExpandedTreePassesTheBudget() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < 8; level++) {
            yaml.append('l').append(level).append(": &l").append(level).append(" [");
            yaml.append(("*l" + (level - 1) + ", ").repeat(8)).append("*l").append(level - 1).append("]\n");
        }
        // 63 aliases, 9^8 'lol's once expanded. Subtrees: l0 10 nodes, l1 91, l2 820, l3 7 381, l4 66 430; before
        // l4 the document has 1 + 4 keys + 8 302 = 8 307 nodes, l4's key and list make 8 309, and its sixth alias
        // (5 * 7 381 = 36 905 more before it) passes 50 000. 'l4: &l4 [' is 9 characters, each '*l3, ' 5 more.
        assertAt(refused(yaml.toString()), 5, 9 + 5 * 5 + 1,
                "the document expands to more than 50000 nodes (aliases expanded)");
    }

    @Test
    void theNodeBudgetCountsEveryCollectionKeyAndScalarOfTheExpandedTree() {
        // a list (1) holding an anchored list of 1 000 scalars (1 001), 48 aliases to it (48 048) and 950 scalars
        String base = "[&a [" + "x, ".repeat(999) + "x], " + "*a, ".repeat(48) + "y, ".repeat(949) + "y";
        assertThat(READER.parse("t.yaml", base + "]").root()).isNotNull();
        DefinitionException e = refused(base + ", z]");
        assertThat(e.problem())
                .isEqualTo("the document expands to more than " + MAX_NODES + " nodes (aliases expanded)");
        assertThat(e.column()).isEqualTo(base.length() + 3);
    }

    @Test
    void anAliasInsideItsOwnAnchorIsRefused() {
        assertAt(refused("a: &a [x, *a]\n"), 1, 11,
                "the alias *a refers to a collection that contains it (a recursive document)");
    }

    @Test
    void aSecondDocumentIsRefusedWhereItStarts() {
        assertAt(refused("a: 1\n---\nb: 2\n"), 2, 1, "expected one YAML document, found a second one");
    }

    @Test
    void invalidUtf8IsRefusedAtTheFirstBadByte() {
        byte[] bytes = "a: 1\nb: \u00e9x".getBytes(StandardCharsets.UTF_8);
        bytes[8] = (byte) 0xC3;
        bytes[9] = (byte) 0x28;
        assertAt(refused(bytes), 2, 4, "the bytes are not valid UTF-8 (at byte 8)");
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] bytes = "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_8);
        YamlDocument doc = READER.read("t.yaml", bytes);
        assertThat(doc.mapping(doc.root(), "the document")).containsOnlyKeys("a");
    }

    @Test
    void malformedYamlIsRefusedAtTheParsersPosition() {
        DefinitionException e = refused("a:\n  - 1\n - [2\n");
        assertThat(e.problem()).startsWith("malformed YAML: ");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isPositive();
    }

    @Test
    void emptyDocumentsAreRefused() {
        assertThat(refused("").problem()).isEqualTo("the document is empty");
        assertThat(refused("# just a comment\n").problem()).isEqualTo("the document is empty");
        assertThat(refused("~\n").problem()).isEqualTo("the document is empty");
    }

    @Test
    void aFrontEndChoosesTheExceptionAndSeesWhatWasExpected() {
        YamlReader flux = YamlReader.reporting(WorkflowDefinitionException::new);
        WorkflowDefinitionException e = catchThrowableOfType(WorkflowDefinitionException.class,
                () -> flux.parse("w.yaml", aliases(MAX_ALIASES + 1)));
        assertThat(e.expected()).isEqualTo("at most 64 aliases");
        assertThat(e.getMessage()).isEqualTo("w.yaml:2:261: more than 64 aliases; expected at most 64 aliases");
    }

    @Test
    void filesAreNamedByTheirPathAndUnreadableOnesAreRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("doc.yaml");
        Files.writeString(file, "a: 1\n");
        assertThat(READER.load(file).source()).isEqualTo(file.toString());
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> READER.load(dir.resolve("missing.yaml")));
        assertThat(e.problem()).startsWith("cannot read the file: ");
        assertThat(e.getCause()).isInstanceOf(IOException.class);
    }

    @Test
    void resourcesRelativeToAClassAreNamedByTheirAbsoluteClasspathName() {
        assertThat(READER.loadResource(YamlReaderTest.class, "reader.yaml").source())
                .isEqualTo("classpath:io/theus/internal/yaml/reader.yaml");
        assertThat(READER.loadResource("/io/theus/internal/yaml/reader.yaml", null,
                YamlReaderTest.class.getClassLoader()).source())
                .isEqualTo("classpath:io/theus/internal/yaml/reader.yaml");
        DefinitionException missing = catchThrowableOfType(DefinitionException.class,
                () -> READER.loadResource(YamlReaderTest.class, "nope.yaml"));
        assertThat(missing.getMessage()).isEqualTo("classpath:io/theus/internal/yaml/nope.yaml:0:0: no such classpath "
                + "resource");
    }

    @Test
    void offsetsInAQuotedScalarMapToColumnsOfTheDocument() {
        YamlDocument doc = READER.parse("t.yaml", "a: 1\nc: 'ab cd'\n");
        ScalarNode value = (ScalarNode) doc.mapping(doc.root(), "doc").get("c");
        assertThat(doc.positionsIn(value).apply(3)).isEqualTo(new Position(2, 8));
    }

    /** An endless stream of comment bytes that counts what it served. */
    private static final class EndlessComments extends InputStream {
        private long served;

        @Override
        public int read() {
            served++;
            return '#';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) '#');
            served += len;
            return len;
        }
    }
}
