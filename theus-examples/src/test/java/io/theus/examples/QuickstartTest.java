package io.theus.examples;

import io.theus.examples.quickstart.Quickstart;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuickstartTest {

    private static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("README.md"))) {
            p = p.getParent();
        }
        return p;
    }

    @Test
    void quickstartRunsAndPrintsTheIncrementedCounter() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Quickstart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("5 at version 2");
    }

    @Test
    void readmeQuotesTheQuickstartSourceVerbatim() throws IOException {
        Path root = projectRoot();
        String source = Files.readString(root.resolve(
                "theus-examples/src/main/java/io/theus/examples/quickstart/Quickstart.java"));
        String snippet = source.substring(source.indexOf("// tag::quickstart[]") + "// tag::quickstart[]".length(),
                source.indexOf("// end::quickstart[]"));
        List<String> lines = Arrays.stream(snippet.strip().split("\n"))
                .map(l -> l.startsWith("    ") ? l.substring(4) : l.strip()).toList();
        String readme = Files.readString(root.resolve("README.md"));
        assertThat(lines).hasSizeLessThanOrEqualTo(16);
        assertThat(readme).contains(String.join("\n", lines));
    }
}
