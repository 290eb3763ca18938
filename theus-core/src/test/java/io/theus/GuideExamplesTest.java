package io.theus;

import io.theus.audit.AuditRecipe;
import io.theus.schema.Schema;
import io.theus.schema.SchemaViolationException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The YAML examples of the audit and schema guides load, and the warehouse recipe there is the tested one. */
class GuideExamplesTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    private static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs/guide"))) {
            p = p.getParent();
        }
        return p;
    }

    private static List<String> yamlBlocks(String guide) throws IOException {
        String text = Files.readString(projectRoot().resolve("docs/guide").resolve(guide));
        List<String> blocks = new ArrayList<>();
        Matcher m = YAML_BLOCK.matcher(text);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void everyRecipeInTheAuditGuideLoads() throws IOException {
        List<String> blocks = yamlBlocks("audit.md");
        assertThat(blocks).isNotEmpty();
        for (String yaml : blocks) {
            assertThat(AuditRecipe.parse(yaml, "audit.md").processes()).isNotEmpty();
        }
    }

    @Test
    void theAuditGuideQuotesTheWarehouseRecipeThatTheTestsRun() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/io/theus/audit/warehouse_recipe.yaml")) {
            String recipe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(yamlBlocks("audit.md")).contains(recipe);
        }
    }

    @Test
    void everySchemaInTheSchemaGuideLoadsAndGuardsAnEngine() throws IOException {
        List<String> blocks = yamlBlocks("schema.md");
        assertThat(blocks).isNotEmpty();
        for (String yaml : blocks) {
            Schema schema = Schema.parse(yaml, "schema.md");
            try (TheusEngine engine = TheusEngine.builder().schema(schema)
                    .initialState(Map.of("global", Map.of("restock_margin", 1), "domain", Map.of())).build()) {
                assertThat(engine.state().getInt("global.max_capacity")).isEqualTo(500);
                assertThat(engine.state().getString("domain.user.name")).isEqualTo("guest");
                assertThatThrownBy(() -> engine.edit(e -> e.set("domain.accounts.bob", Map.of("owner", "Bob"))))
                        .isInstanceOf(SchemaViolationException.class)
                        .hasMessageContaining("'domain.accounts.bob.balance' = missing violates required");
                assertThatThrownBy(() -> engine.edit(e -> e.set("domain.code", "abc")))
                        .isInstanceOf(SchemaViolationException.class);
            }
        }
    }
}
