package io.theus.engine;

import io.theus.TheusEngine;
import io.theus.state.StateSnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotImmutabilityTest {

    private static TheusEngine engine() {
        Map<String, Object> user = new HashMap<>();
        user.put("name", "Ann");
        user.put("tags", new ArrayList<>(List.of("a", "b")));
        return TheusEngine.builder().initialState(Map.of("domain", Map.of("user", user, "count", 1))).build();
    }

    @Test
    void emptyEngineIsAtVersionZeroAndLoadingTheInitialContextIsCommitOne() {
        try (TheusEngine empty = TheusEngine.builder().build(); TheusEngine loaded = engine()) {
            assertThat(empty.state().version()).isZero();
            assertThat(empty.state().toMap()).isEmpty();
            assertThat(loaded.state().version()).isEqualTo(1);
        }
    }

    @Test
    void snapshotNeverChangesAfterLaterCommits() {
        try (TheusEngine engine = engine()) {
            StateSnapshot before = engine.state();
            Map<String, Object> treeBefore = before.toMap();
            engine.edit(e -> {
                e.set("domain.count", 2);
                e.set("domain.user.name", "Bob");
                e.remove("domain.user.tags");
            });
            assertThat(before.version()).isEqualTo(1);
            assertThat(before.getInt("domain.count")).isEqualTo(1);
            assertThat(before.getString("domain.user.name")).isEqualTo("Ann");
            assertThat(before.getList("domain.user.tags")).containsExactly("a", "b");
            assertThat(treeBefore).isSameAs(before.toMap());
            assertThat(engine.state().getString("domain.user.name")).isEqualTo("Bob");
            assertThat(engine.state().contains("domain.user.tags")).isFalse();
        }
    }

    @Test
    void mutableInputsAreCopiedOnceSoLaterMutationDoesNotLeakIn() {
        List<String> tags = new ArrayList<>(List.of("x"));
        try (TheusEngine engine = TheusEngine.builder()
                .initialState(Map.of("domain", Map.of("tags", tags))).build()) {
            tags.add("sneaky");
            assertThat(engine.state().getList("domain.tags")).containsExactly("x");
        }
    }

    @Test
    void mapsHandedOutRejectEveryMutation() {
        try (TheusEngine engine = engine()) {
            Map<String, Object> user = engine.state().getMap("domain.user");
            assertThatThrownBy(() -> user.put("name", "Eve")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> user.remove("name")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(user::clear).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> user.entrySet().iterator().next().setValue("Eve"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> user.keySet().remove("name")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> user.values().clear()).isInstanceOf(UnsupportedOperationException.class);
            Iterator<String> keys = user.keySet().iterator();
            keys.next();
            assertThatThrownBy(keys::remove).isInstanceOf(UnsupportedOperationException.class);
            assertThat(engine.state().getString("domain.user.name")).isEqualTo("Ann");
        }
    }

    @Test
    void nestedListsHandedOutRejectEveryMutation() {
        try (TheusEngine engine = engine()) {
            @SuppressWarnings("unchecked")
            List<Object> tags = (List<Object>) engine.state().getMap("domain.user").get("tags");
            assertThatThrownBy(() -> tags.add("c")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> tags.set(0, "z")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> tags.remove(0)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> tags.subList(0, 1).clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> tags.listIterator().set("q")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> tags.sort(null)).isInstanceOf(UnsupportedOperationException.class);
            assertThat(engine.state().getList("domain.user.tags")).containsExactly("a", "b");
        }
    }

    @Test
    void wholeTreeViewIsImmutable() {
        try (TheusEngine engine = engine()) {
            Map<String, Object> tree = engine.state().toMap();
            assertThatThrownBy(() -> tree.put("domain", Map.of())).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void typedGettersConvertWithoutLossAndRefuseWhatTheyCannot() {
        try (TheusEngine engine = engine()) {
            StateSnapshot s = engine.state();
            assertThat(s.getLong("domain.count")).isEqualTo(1L);
            assertThat(s.getDouble("domain.count")).isEqualTo(1.0);
            assertThat(s.getDecimal("domain.count")).isEqualByComparingTo("1");
            assertThatThrownBy(() -> s.getInt("domain.user.name")).isInstanceOf(io.theus.ValueTypeException.class)
                    .hasMessageContaining("domain.user.name").hasMessageContaining("String \"Ann\"");
            assertThatThrownBy(() -> s.getInt("domain.missing")).isInstanceOf(io.theus.ValueTypeException.class)
                    .hasMessageContaining("no value");
            assertThat(s.get("domain.missing")).isNull();
            assertThat(s.find("domain.count")).contains(1);
        }
    }
}
