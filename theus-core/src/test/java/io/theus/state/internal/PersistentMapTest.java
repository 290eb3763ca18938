package io.theus.state.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PersistentMapTest {

    private static PersistentMap<String, Integer> abc() {
        return PersistentMap.<String, Integer>empty().plus("a", 1).plus("b", 2).plus("c", 3);
    }

    private static Map<Object, Object> modelOf(Map<?, ?> map) {
        return new HashMap<>(map);
    }

    // ------------------------------------------------------------------------------------------ basics

    @Test
    void emptyMapHasNoMappingsAndIsAlwaysTheSameInstance() {
        PersistentMap<String, Integer> empty = PersistentMap.empty();

        assertThat(empty).isEmpty();
        assertThat(empty.size()).isZero();
        assertThat(empty.get("a")).isNull();
        assertThat(empty).isSameAs(PersistentMap.<Integer, String>empty());
        assertThat(empty.toString()).isEqualTo("{}");
        assertThat(empty.hashCode()).isZero();
        assertThat(empty).isEqualTo(Map.of());
    }

    @Test
    void plusReturnsNewMapAndLeavesOriginalUnchanged() {
        PersistentMap<String, Integer> one = PersistentMap.<String, Integer>empty().plus("a", 1);
        PersistentMap<String, Integer> two = one.plus("b", 2);

        assertThat(two).isNotSameAs(one).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 2));
        assertThat(one).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1));
        assertThat(one.size()).isEqualTo(1);
        assertThat(two.size()).isEqualTo(2);
    }

    @Test
    void plusReplacesTheValueOfAnExistingKeyWithoutChangingSize() {
        PersistentMap<String, Integer> map = abc();

        PersistentMap<String, Integer> replaced = map.plus("b", 20);

        assertThat(replaced.get("b")).isEqualTo(20);
        assertThat(replaced.size()).isEqualTo(3);
        assertThat(map.get("b")).isEqualTo(2);
    }

    @Test
    void plusOfAnIdenticalValueReturnsTheSameMap() {
        String value = "value";
        PersistentMap<String, String> map = PersistentMap.<String, String>empty().plus("k", value);

        assertThat(map.plus("k", value)).isSameAs(map);
    }

    @Test
    void plusOfAnEqualButNotIdenticalValueReturnsANewEqualMap() {
        PersistentMap<String, String> map = PersistentMap.<String, String>empty().plus("k", "value");

        PersistentMap<String, String> replaced = map.plus("k", new String("value"));

        assertThat(replaced).isNotSameAs(map).isEqualTo(map);
    }

    @Test
    void minusRemovesTheKeyAndLeavesOriginalUnchanged() {
        PersistentMap<String, Integer> map = abc();

        PersistentMap<String, Integer> smaller = map.minus("b");

        assertThat(smaller).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "c", 3));
        assertThat(smaller.containsKey("b")).isFalse();
        assertThat(map).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 2, "c", 3));
    }

    @Test
    void minusOfAnAbsentKeyReturnsTheSameMap() {
        PersistentMap<String, Integer> map = abc();

        assertThat(map.minus("zzz")).isSameAs(map);
        assertThat(map.minus(42)).isSameAs(map);
    }

    @Test
    void minusOfTheLastKeyReturnsTheEmptyMap() {
        assertThat(PersistentMap.empty().plus("a", 1).minus("a")).isSameAs(PersistentMap.empty());
    }

    @Test
    void nullKeysAndValuesAreRejectedWithAMessage() {
        PersistentMap<String, Integer> map = abc();

        assertThatThrownBy(() -> map.plus(null, 1))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("key");
        assertThatThrownBy(() -> map.plus("a", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("value");
        assertThatThrownBy(() -> map.minus(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("key");
    }

    @Test
    void queriesWithANullKeyOrValueFindNothing() {
        PersistentMap<String, Integer> map = abc();

        assertThat(map.get(null)).isNull();
        assertThat(map.containsKey(null)).isFalse();
        assertThat(map.containsValue(null)).isFalse();
        assertThat(map.getOrDefault(null, 7)).isEqualTo(7);
        assertThat(map.keySet().contains(null)).isFalse();
        assertThat(map.entrySet().contains(null)).isFalse();
    }

    @Test
    void getOrDefaultReturnsTheDefaultOnlyForAbsentKeys() {
        PersistentMap<String, Integer> map = abc();

        assertThat(map.getOrDefault("a", 99)).isEqualTo(1);
        assertThat(map.getOrDefault("z", 99)).isEqualTo(99);
    }

    @Test
    void containsValueSearchesTheWholeTrie() {
        PersistentMap<Object, String> map = PersistentMap.empty();
        for (int i = 0; i < 12; i++) {
            map = map.plus(TestKey.deep(i), "v" + i);
        }

        assertThat(map.containsValue("v11")).isTrue();
        assertThat(map.containsValue("v12")).isFalse();
    }

    @Test
    void getWorksForKeysOfDifferentTypesWithEqualHashCodes() {
        PersistentMap<Object, String> map =
                PersistentMap.<Object, String>empty().plus(1, "int").plus(TestKey.colliding(1), "key");

        assertThat(map.get(1)).isEqualTo("int");
        assertThat(map.get(TestKey.colliding(1))).isEqualTo("key");
        assertThat(map.get(TestKey.colliding(4))).isNull();
    }

    // ---------------------------------------------------------------------------------------- collisions

    @Test
    void fullyCollidingKeysAreStoredReplacedAndRemovedIndependently() {
        TestKey first = TestKey.colliding(0);
        TestKey second = TestKey.colliding(3);
        TestKey third = TestKey.colliding(6);
        PersistentMap<Object, Integer> map =
                PersistentMap.<Object, Integer>empty().plus(first, 1).plus(second, 2).plus(third, 3);

        PersistentMap<Object, Integer> replaced = map.plus(second, 20);
        PersistentMap<Object, Integer> removed = map.minus(first);

        assertThat(map).containsExactlyInAnyOrderEntriesOf(Map.of(first, 1, second, 2, third, 3));
        assertThat(replaced).containsExactlyInAnyOrderEntriesOf(Map.of(first, 1, second, 20, third, 3));
        assertThat(removed).containsExactlyInAnyOrderEntriesOf(Map.of(second, 2, third, 3));
        assertThat(removed.minus(TestKey.colliding(9))).isSameAs(removed);
    }

    @Test
    void removingCollidingKeysCollapsesTheTrieBackToItsCanonicalShape() {
        PersistentMap<Object, Integer> plain =
                PersistentMap.<Object, Integer>empty().plus(TestKey.deep(1), 1).plus(5, 5);

        PersistentMap<Object, Integer> detour = plain
                .plus(TestKey.deepColliding(0), 0)
                .plus(TestKey.deepColliding(4), 4)
                .plus(TestKey.deepColliding(8), 8)
                .minus(TestKey.deepColliding(4))
                .minus(TestKey.deepColliding(0))
                .minus(TestKey.deepColliding(8));

        assertThat(detour).isEqualTo(plain);
        assertThat(List.copyOf(detour.keySet())).isEqualTo(List.copyOf(plain.keySet()));
    }

    // ------------------------------------------------------------------------------ equality and printing

    @Test
    void equalsAndHashCodeFollowTheMapContract() {
        PersistentMap<String, Integer> map = abc();
        Map<String, Integer> hashMap = new HashMap<>(Map.of("a", 1, "b", 2, "c", 3));

        assertThat(map).isEqualTo(hashMap).isEqualTo(Map.of("a", 1, "b", 2, "c", 3)).isEqualTo(new TreeMap<>(hashMap));
        assertThat(hashMap).isEqualTo(map);
        assertThat(map.hashCode()).isEqualTo(hashMap.hashCode());
        assertThat(map).isNotEqualTo(Map.of("a", 1, "b", 2)).isNotEqualTo(Map.of("a", 1, "b", 2, "c", 4));
        assertThat(map).isNotEqualTo(Map.of("a", 1, "b", 2, "d", 3)).isNotEqualTo(List.of(1, 2, 3));
        assertThat(map.equals(null)).isFalse();
    }

    @Test
    void equalsIsFalseForAnEqualSizedMapThatCannotHoldItsKeys() {
        PersistentMap<Object, Integer> map = PersistentMap.<Object, Integer>empty().plus(1, 1);
        TreeMap<Object, Integer> strings = new TreeMap<>(Map.of("a", 1));

        assertThat(map.equals(strings)).isFalse();
    }

    @Test
    void equalsBetweenPersistentMapsComparesMappingsNotHistory() {
        PersistentMap<String, Integer> forward = abc();
        PersistentMap<String, Integer> backward = PersistentMap.<String, Integer>empty()
                .plus("c", 3).plus("x", 0).plus("b", 2).plus("a", 1).minus("x");

        assertThat(forward).isEqualTo(backward);
        assertThat(backward).isEqualTo(forward);
        assertThat(forward.hashCode()).isEqualTo(backward.hashCode());
        assertThat(forward).isNotEqualTo(backward.plus("a", 9)).isNotEqualTo(backward.minus("a"));
    }

    @Test
    void toStringListsMappingsInIterationOrderLikeOtherMaps() {
        PersistentMap<String, Integer> map = abc();
        String expected = map.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", ", "{", "}"));

        assertThat(map.toString()).isEqualTo(expected).startsWith("{").contains("a=1", "b=2", "c=3");
        assertThat(PersistentMap.empty().plus("a", 1).toString()).isEqualTo("{a=1}");
    }

    // ---------------------------------------------------------------------------------- iteration and views

    @Test
    void forEachVisitsEveryMappingInIterationOrder() {
        PersistentMap<Object, Integer> map = PersistentMap.empty();
        for (Object key : TestKey.troublesomeKeys()) {
            map = map.plus(key, key.hashCode());
        }
        List<Object> visited = new ArrayList<>();

        map.forEach((key, value) -> visited.add(key));

        assertThat(visited).isEqualTo(List.copyOf(map.keySet())).hasSize(TestKey.troublesomeKeys().size());
    }

    @Test
    void viewsShowTheMappings() {
        PersistentMap<String, Integer> map = abc();

        assertThat(map.keySet()).containsExactlyInAnyOrder("a", "b", "c").isEqualTo(Map.of("a", 1, "b", 2, "c", 3)
                .keySet());
        assertThat(map.values()).containsExactlyInAnyOrder(1, 2, 3).contains(2).doesNotContain(4);
        assertThat(map.entrySet())
                .containsExactlyInAnyOrder(Map.entry("a", 1), Map.entry("b", 2), Map.entry("c", 3))
                .contains(Map.entry("b", 2))
                .doesNotContain(Map.entry("b", 3), Map.entry("z", 2));
        assertThat(map.entrySet()).isEqualTo(Map.of("a", 1, "b", 2, "c", 3).entrySet());
        assertThat(modelOf(map)).isEqualTo(Map.of("a", 1, "b", 2, "c", 3));
    }

    @Test
    void iteratorsThrowNoSuchElementWhenExhausted() {
        Iterator<String> keys = PersistentMap.<String, Integer>empty().plus("a", 1).keySet().iterator();

        assertThat(keys.next()).isEqualTo("a");
        assertThat(keys.hasNext()).isFalse();
        assertThatThrownBy(keys::next).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> PersistentMap.empty().entrySet().iterator().next())
                .isInstanceOf(NoSuchElementException.class);
    }

    // ----------------------------------------------------------------------------------- copyOf and builder

    @Test
    void copyOfReturnsAPersistentMapItself() {
        PersistentMap<String, Integer> map = abc();

        assertThat(PersistentMap.<CharSequence, Number>copyOf(map)).isSameAs(map);
    }

    @Test
    void copyOfCopiesAnyOtherMap() {
        Map<String, Integer> source = new LinkedHashMap<>(Map.of("a", 1, "b", 2));

        PersistentMap<String, Integer> copy = PersistentMap.copyOf(source);
        source.put("c", 3);

        assertThat(copy).isEqualTo(Map.of("a", 1, "b", 2));
        assertThat(PersistentMap.copyOf(Map.of())).isSameAs(PersistentMap.empty());
    }

    @Test
    void copyOfRejectsNullKeysAndValues() {
        Map<String, Integer> nullValue = new HashMap<>();
        nullValue.put("a", null);
        Map<String, Integer> nullKey = new HashMap<>();
        nullKey.put(null, 1);

        assertThatThrownBy(() -> PersistentMap.copyOf(nullValue)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PersistentMap.copyOf(nullKey)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void builderCollectsPutsAndRemovesAndBuildsAnEqualMap() {
        PersistentMap.Builder<String, Integer> builder = PersistentMap.builder();

        builder.put("a", 1).put("b", 2).put("c", 3).put("b", 20).remove("a").remove("zzz");

        assertThat(builder.size()).isEqualTo(2);
        PersistentMap<String, Integer> built = builder.build();
        assertThat(built).isEqualTo(Map.of("b", 20, "c", 3));
        assertThat(built).isEqualTo(PersistentMap.<String, Integer>empty().plus("c", 3).plus("b", 20));
    }

    @Test
    void builderThatRemovesEverythingBuildsTheEmptyMap() {
        assertThat(PersistentMap.builder().put("a", 1).remove("a").build()).isSameAs(PersistentMap.empty());
    }

    @Test
    void builderStartedFromAMapLeavesThatMapUnchanged() {
        PersistentMap<Object, Integer> original = PersistentMap.empty();
        for (Object key : TestKey.troublesomeKeys()) {
            original = original.plus(key, 1);
        }
        Map<Object, Object> before = modelOf(original);
        PersistentMap.Builder<Object, Integer> builder = original.toBuilder();

        for (Object key : TestKey.troublesomeKeys()) {
            builder.put(key, 2).remove(key).put(key, 3);
        }
        builder.remove(TestKey.deepColliding(0));
        PersistentMap<Object, Integer> built = builder.build();

        assertThat(original).isEqualTo(before);
        assertThat(built.size()).isEqualTo(before.size() - 1);
        assertThat(built.get(TestKey.deep(3))).isEqualTo(3);
    }

    @Test
    void builtMapNeverChangesWhenANewBuilderStartsFromIt() {
        PersistentMap<String, Integer> built = PersistentMap.<String, Integer>builder().put("a", 1).put("b", 2).build();

        PersistentMap<String, Integer> derived = built.toBuilder().put("a", 10).remove("b").put("c", 3).build();

        assertThat(built).isEqualTo(Map.of("a", 1, "b", 2));
        assertThat(derived).isEqualTo(Map.of("a", 10, "c", 3));
    }

    @Test
    void builderIsUnusableAfterBuild() {
        PersistentMap.Builder<String, Integer> builder = PersistentMap.<String, Integer>builder().put("a", 1);
        PersistentMap<String, Integer> built = builder.build();

        assertThatThrownBy(() -> builder.put("b", 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.remove("a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(builder::size).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThat(built).isEqualTo(Map.of("a", 1));
    }

    @Test
    void builderRejectsNullKeysAndValues() {
        PersistentMap.Builder<String, Integer> builder = PersistentMap.builder();

        assertThatThrownBy(() -> builder.put(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.put("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.remove(null)).isInstanceOf(NullPointerException.class);
        assertThat(builder.build()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------- immutability

    @TestFactory
    Stream<DynamicTest> everyMutatorOfTheMapItsViewsIteratorsAndEntriesThrowsUnsupportedOperation() {
        return Stream.of(abc(), PersistentMap.<String, Integer>empty()).flatMap(map -> mutators().entrySet().stream()
                .map(mutator -> DynamicTest.dynamicTest(
                        mutator.getKey() + " throws on " + map,
                        () -> assertRejected(map, mutator.getValue()))));
    }

    private static void assertRejected(PersistentMap<String, Integer> map, Consumer<Map<String, Integer>> mutator) {
        Map<Object, Object> before = modelOf(map);

        assertThatThrownBy(() -> mutator.accept(map)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(map).isEqualTo(before);
    }

    private static Map<String, Consumer<Map<String, Integer>>> mutators() {
        Map<String, Consumer<Map<String, Integer>>> mutators = new LinkedHashMap<>();
        mutators.putAll(mapMutators());
        mutators.putAll(keySetMutators());
        mutators.putAll(valuesMutators());
        mutators.putAll(entrySetMutators());
        return mutators;
    }

    private static Map<String, Consumer<Map<String, Integer>>> mapMutators() {
        Map<String, Consumer<Map<String, Integer>>> m = new LinkedHashMap<>();
        m.put("put of a new key", map -> map.put("z", 26));
        m.put("put of an existing mapping", map -> map.put("a", 1));
        m.put("remove of a present key", map -> map.remove("a"));
        m.put("remove of an absent key", map -> map.remove("zzz"));
        m.put("remove of a key and value", map -> map.remove("a", 1));
        m.put("putAll", map -> map.putAll(Map.of("z", 26)));
        m.put("putAll of nothing", map -> map.putAll(Map.of()));
        m.put("clear", Map::clear);
        m.put("putIfAbsent of a present key", map -> map.putIfAbsent("a", 5));
        m.put("putIfAbsent of an absent key", map -> map.putIfAbsent("z", 5));
        m.put("replace", map -> map.replace("a", 5));
        m.put("replace of an old value", map -> map.replace("a", 1, 5));
        m.put("replaceAll", map -> map.replaceAll((key, value) -> value));
        m.put("computeIfAbsent of a present key", map -> map.computeIfAbsent("a", key -> 5));
        m.put("computeIfAbsent of an absent key", map -> map.computeIfAbsent("z", key -> 5));
        m.put("computeIfPresent of a present key", map -> map.computeIfPresent("a", (key, value) -> 5));
        m.put("computeIfPresent of an absent key", map -> map.computeIfPresent("z", (key, value) -> 5));
        m.put("compute", map -> map.compute("a", (key, value) -> 5));
        m.put("merge", map -> map.merge("a", 5, Integer::sum));
        return m;
    }

    private static Map<String, Consumer<Map<String, Integer>>> keySetMutators() {
        Map<String, Consumer<Map<String, Integer>>> m = new LinkedHashMap<>();
        m.put("keySet add", map -> map.keySet().add("z"));
        m.put("keySet addAll", map -> map.keySet().addAll(List.of("z")));
        m.put("keySet remove", map -> map.keySet().remove("a"));
        m.put("keySet remove of an absent key", map -> map.keySet().remove("zzz"));
        m.put("keySet removeAll", map -> map.keySet().removeAll(List.of("a")));
        m.put("keySet retainAll", map -> map.keySet().retainAll(List.of()));
        m.put("keySet removeIf", map -> map.keySet().removeIf(key -> true));
        m.put("keySet removeIf matching nothing", map -> map.keySet().removeIf(key -> false));
        m.put("keySet clear", map -> map.keySet().clear());
        m.put("keySet iterator remove", map -> removeThroughIterator(map.keySet().iterator()));
        return m;
    }

    private static Map<String, Consumer<Map<String, Integer>>> valuesMutators() {
        Map<String, Consumer<Map<String, Integer>>> m = new LinkedHashMap<>();
        m.put("values add", map -> map.values().add(5));
        m.put("values addAll", map -> map.values().addAll(List.of(5)));
        m.put("values remove", map -> map.values().remove(1));
        m.put("values removeAll", map -> map.values().removeAll(List.of(1)));
        m.put("values retainAll", map -> map.values().retainAll(List.of()));
        m.put("values removeIf", map -> map.values().removeIf(value -> true));
        m.put("values clear", map -> map.values().clear());
        m.put("values iterator remove", map -> removeThroughIterator(map.values().iterator()));
        return m;
    }

    private static Map<String, Consumer<Map<String, Integer>>> entrySetMutators() {
        Map<String, Consumer<Map<String, Integer>>> m = new LinkedHashMap<>();
        m.put("entrySet add", map -> map.entrySet().add(Map.entry("z", 26)));
        m.put("entrySet addAll", map -> map.entrySet().addAll(List.of(Map.entry("z", 26))));
        m.put("entrySet remove", map -> map.entrySet().remove(Map.entry("a", 1)));
        m.put("entrySet removeAll", map -> map.entrySet().removeAll(List.of(Map.entry("a", 1))));
        m.put("entrySet retainAll", map -> map.entrySet().retainAll(List.of()));
        m.put("entrySet removeIf", map -> map.entrySet().removeIf(entry -> true));
        m.put("entrySet clear", map -> map.entrySet().clear());
        m.put("entrySet iterator remove", map -> removeThroughIterator(map.entrySet().iterator()));
        m.put("entry setValue", map -> setValueOfEveryEntry(map));
        m.put("entry setValue through toArray", map -> setValueOfEveryEntryInArray(map));
        return m;
    }

    private static void removeThroughIterator(Iterator<?> iterator) {
        if (iterator.hasNext()) {
            iterator.next();
        }
        iterator.remove();
    }

    private static void setValueOfEveryEntry(Map<String, Integer> map) {
        for (Map.Entry<String, Integer> entry : map.entrySet()) {
            entry.setValue(99);
        }
        throw new UnsupportedOperationException("no entry to try setValue on");
    }

    @SuppressWarnings("unchecked")
    private static void setValueOfEveryEntryInArray(Map<String, Integer> map) {
        for (Object entry : map.entrySet().toArray()) {
            ((Map.Entry<String, Integer>) entry).setValue(99);
        }
        throw new UnsupportedOperationException("no entry to try setValue on");
    }
}
