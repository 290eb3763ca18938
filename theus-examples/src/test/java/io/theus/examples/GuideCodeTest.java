package io.theus.examples;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java block of these guides is code that compiles and runs: it appears verbatim (up to indentation) in the
 * examples or in the core's tests, which the build runs.
 */
class GuideCodeTest {

    private static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("README.md"))) {
            p = p.getParent();
        }
        return p;
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    private static String sources(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("theus-examples/src", "theus-core/src/test")) {
            try (Stream<Path> walk = Files.walk(root.resolve(dir))) {
                walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
            }
        }
        return files.stream().map(f -> {
            try {
                return normalise(Files.readString(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).collect(Collectors.joining("\n"));
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        int at = 0;
        while ((at = markdown.indexOf("```java\n", at)) >= 0) {
            int end = markdown.indexOf("\n```", at + 8);
            blocks.add(markdown.substring(at + 8, end));
            at = end + 4;
        }
        return blocks;
    }

    @ParameterizedTest
    @ValueSource(strings = {"docs/guide/signals.md", "docs/guide/outbox.md"})
    void everyJavaBlockOfTheGuideIsTestedCode(String guide) throws IOException {
        Path root = projectRoot();
        String corpus = sources(root);
        List<String> blocks = javaBlocks(Files.readString(root.resolve(guide)));
        assertThat(blocks).isNotEmpty();
        for (String block : blocks) {
            assertThat(corpus).as("a Java block of %s is not in the tested sources:%n%s", guide, block)
                    .contains(normalise(block));
        }
    }
}
