package io.theus.state;

import io.theus.InvalidPathException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathTest {

    @Test
    void dottedPathIsSplitIntoSegments() {
        Path p = Path.of("domain.user.name");
        assertThat(p.segments()).containsExactly("domain", "user", "name");
        assertThat(p.root()).isEqualTo("domain");
        assertThat(p.last()).isEqualTo("name");
        assertThat(p.size()).isEqualTo(3);
    }

    @Test
    void bracketFormIsNormalisedToDottedForm() {
        assertThat(Path.of("domain['user'].items[0]")).hasToString("domain.user.items.0");
        assertThat(Path.of("domain[\"user\"]")).isEqualTo(Path.of("domain.user"));
        assertThat(Path.of("domain[user][name]")).isEqualTo(Path.of("domain.user.name"));
    }

    @Test
    void malformedPathsAreRejectedWithTheColumn() {
        assertThatThrownBy(() -> Path.of("domain..x")).isInstanceOf(InvalidPathException.class)
                .hasMessageContaining("column 8").hasMessageContaining("empty segment");
        assertThatThrownBy(() -> Path.of("")).isInstanceOf(InvalidPathException.class);
        assertThatThrownBy(() -> Path.of("domain.")).isInstanceOf(InvalidPathException.class);
        assertThatThrownBy(() -> Path.of("domain['x")).isInstanceOf(InvalidPathException.class)
                .hasMessageContaining("unclosed quote");
        assertThatThrownBy(() -> Path.of("domain[x")).isInstanceOf(InvalidPathException.class);
        assertThatThrownBy(() -> Path.of("domain.a b")).isInstanceOf(InvalidPathException.class)
                .hasMessageContaining("segment 'a b'");
        assertThatThrownBy(() -> Path.of("domain]x")).isInstanceOf(InvalidPathException.class);
        assertThatThrownBy(() -> Path.of(null)).isInstanceOf(InvalidPathException.class);
    }

    @Test
    void oversizedPathsAreRejected() {
        assertThatThrownBy(() -> Path.of("d" + ".x".repeat(Path.MAX_DEPTH))).isInstanceOf(InvalidPathException.class)
                .hasMessageContaining("at most 64 segments");
        assertThatThrownBy(() -> Path.of("d".repeat(Path.MAX_LENGTH + 1))).isInstanceOf(InvalidPathException.class);
    }

    @Test
    void coversMeansEqualOrAncestorAndHonoursWildcards() {
        assertThat(Path.of("domain.users").covers(Path.of("domain.users.bob.name"))).isTrue();
        assertThat(Path.of("domain.users").covers(Path.of("domain.users"))).isTrue();
        assertThat(Path.of("domain.users.bob").covers(Path.of("domain.users"))).isFalse();
        assertThat(Path.of("domain.users.*.name").covers(Path.of("domain.users.bob.name"))).isTrue();
        assertThat(Path.of("domain.users.*.name").covers(Path.of("domain.users.bob.age"))).isFalse();
        assertThat(Path.of("domain.userx").covers(Path.of("domain.users"))).isFalse();
    }

    @Test
    void overlapsIsSymmetricPrefixRelation() {
        Path a = Path.of("domain.a");
        Path ab = Path.of("domain.a.b");
        Path ac = Path.of("domain.a.c");
        assertThat(a.overlaps(ab)).isTrue();
        assertThat(ab.overlaps(a)).isTrue();
        assertThat(ab.overlaps(ac)).isFalse();
        assertThat(Path.of("domain.*.b").overlaps(ab)).isTrue();
    }

    @Test
    void parentAndChildNavigate() {
        Path p = Path.of("domain.a.b");
        assertThat(p.parent()).isEqualTo(Path.of("domain.a"));
        assertThat(Path.of("domain").parent()).isNull();
        assertThat(p.child("c")).isEqualTo(Path.of("domain.a.b.c"));
        assertThat(p.ancestors()).containsExactly(Path.of("domain"), Path.of("domain.a"));
        assertThatThrownBy(() -> p.child("x.y")).isInstanceOf(InvalidPathException.class);
    }
}
