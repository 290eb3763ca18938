package io.theus.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random operation sequences against a {@link HashMap} model, over keys chosen to collide, nest deeply and be
 * removed often.
 */
class PersistentMapPropertiesTest {

    /** One operation of a generated script. */
    sealed interface Step permits Plus, Minus, Batch {
    }

    /** {@code plus(key, value)}, or {@code put} inside a batch. */
    record Plus(Object key, Integer value) implements Step {
    }

    /** {@code minus(key)}, or {@code remove} inside a batch. */
    record Minus(Object key) implements Step {
    }

    /** Steps applied through one builder started from the current map. */
    record Batch(List<Step> steps) implements Step {
    }

    // ------------------------------------------------------------------------------------------ properties

    @Property(tries = 300)
    void randomOperationsMatchHashMapAndNeverChangeEarlierVersions(@ForAll("scripts") List<Step> script) {
        History history = new History();

        for (Step step : script) {
            history.apply(step);

            history.assertCurrentMatchesModel();
            history.assertEarlierVersionsUnchanged();
        }
    }

    @Property(tries = 300)
    void mapsWithTheSameMappingsHaveTheSameShapeWhateverTheirHistory(
            @ForAll("keySets") Set<Object> keys, @ForAll("keySets") Set<Object> detour, @ForAll Random random) {
        PersistentMap<Object, Integer> direct = PersistentMap.empty();
        for (Object key : keys) {
            direct = direct.plus(key, key.hashCode());
        }

        PersistentMap<Object, Integer> roundabout = roundabout(keys, detour, random);

        assertThat(roundabout).isEqualTo(direct);
        assertThat(direct).isEqualTo(roundabout);
        assertThat(roundabout.hashCode()).isEqualTo(direct.hashCode());
        assertThat(hashesInIterationOrder(roundabout)).isEqualTo(hashesInIterationOrder(direct));
        assertThat(keysWithUniqueHashInIterationOrder(roundabout))
                .isEqualTo(keysWithUniqueHashInIterationOrder(direct));
    }

    @Property(tries = 300)
    void twoPersistentMapsAreEqualExactlyWhenTheirMappingsAre(
            @ForAll("scripts") List<Step> common,
            @ForAll("scripts") List<Step> left,
            @ForAll("scripts") List<Step> right) {
        History base = new History();
        common.forEach(base::apply);
        History leftHistory = base.branch();
        History rightHistory = base.branch();
        left.forEach(leftHistory::apply);
        right.forEach(rightHistory::apply);

        boolean modelsEqual = leftHistory.model.equals(rightHistory.model);

        assertThat(leftHistory.map.equals(rightHistory.map)).isEqualTo(modelsEqual);
        assertThat(rightHistory.map.equals(leftHistory.map)).isEqualTo(modelsEqual);
        if (modelsEqual) {
            assertThat(leftHistory.map.hashCode()).isEqualTo(rightHistory.map.hashCode());
        }
    }

    // ----------------------------------------------------------------------------------------- generators

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Step> single = singleSteps();
        Arbitrary<Step> batch = single.list().ofMaxSize(30).map(Batch::new);
        return Arbitraries.frequencyOf(List.of(Tuple.of(8, single), Tuple.of(1, batch))).list().ofMaxSize(40);
    }

    private static Arbitrary<Step> singleSteps() {
        Arbitrary<Step> plus = Combinators.combine(keys(), values()).as(Plus::new);
        Arbitrary<Step> minus = keys().map(Minus::new);
        return Arbitraries.frequencyOf(List.of(Tuple.of(3, plus), Tuple.of(2, minus)));
    }

    @Provide
    Arbitrary<Set<Object>> keySets() {
        return keys().set().ofMaxSize(60);
    }

    /** Mostly troublesome keys (collisions, deep prefixes); sometimes one from a wider range, for bigger tries. */
    private static Arbitrary<Object> keys() {
        Arbitrary<Object> troublesome = Arbitraries.of(TestKey.troublesomeKeys());
        Arbitrary<Object> wide = Arbitraries.integers().between(0, 3000).map(Function.identity());
        return Arbitraries.frequencyOf(List.of(Tuple.of(4, troublesome), Tuple.of(1, wide)));
    }

    /** Few distinct values, all cached Integers, so that re-putting an identical value is frequent. */
    private static Arbitrary<Integer> values() {
        return Arbitraries.integers().between(0, 3);
    }

    // ------------------------------------------------------------------------------------------- support

    private static PersistentMap<Object, Integer> roundabout(Set<Object> keys, Set<Object> detour, Random random) {
        List<Object> all = new ArrayList<>(keys);
        all.addAll(detour);
        Collections.shuffle(all, random);
        PersistentMap.Builder<Object, Integer> builder = PersistentMap.builder();
        for (Object key : all) {
            builder.put(key, -1).put(key, key.hashCode());
        }
        PersistentMap<Object, Integer> map = builder.build();
        List<Object> extra = new ArrayList<>(detour);
        extra.removeAll(keys);
        Collections.shuffle(extra, random);
        for (int i = 0; i < extra.size(); i++) {
            map = i % 2 == 0 ? map.minus(extra.get(i)) : map.toBuilder().remove(extra.get(i)).build();
        }
        return map;
    }

    private static List<Integer> hashesInIterationOrder(Map<Object, Integer> map) {
        return map.keySet().stream().map(Object::hashCode).toList();
    }

    /** Keys in iteration order, leaving out keys whose hash is shared (their relative order follows history). */
    private static List<Object> keysWithUniqueHashInIterationOrder(Map<Object, Integer> map) {
        Map<Integer, Long> hashCounts = map.keySet().stream()
                .collect(Collectors.groupingBy(Object::hashCode, Collectors.counting()));
        return map.keySet().stream().filter(key -> hashCounts.get(key.hashCode()) == 1).toList();
    }

    /** Every version of a map produced by a script, each beside a snapshot of the model it must equal. */
    private static final class History {

        private final List<PersistentMap<Object, Integer>> versions = new ArrayList<>();
        private final List<Map<Object, Integer>> snapshots = new ArrayList<>();
        private final Set<Object> touchedKeys = new LinkedHashSet<>(TestKey.troublesomeKeys());
        private PersistentMap<Object, Integer> map = PersistentMap.empty();
        private Map<Object, Integer> model = new HashMap<>();

        History() {
            record();
        }

        History branch() {
            History branch = new History();
            branch.map = map;
            branch.model = new HashMap<>(model);
            branch.touchedKeys.addAll(touchedKeys);
            return branch;
        }

        void apply(Step step) {
            map = switch (step) {
                case Plus plus -> plus(plus);
                case Minus minus -> minus(minus);
                case Batch batch -> batch(batch);
            };
            record();
        }

        private PersistentMap<Object, Integer> plus(Plus plus) {
            touchedKeys.add(plus.key());
            Integer previous = model.put(plus.key(), plus.value());
            PersistentMap<Object, Integer> next = map.plus(plus.key(), plus.value());
            if (previous == plus.value()) {
                assertThat(next).as("plus of an identical value").isSameAs(map);
            }
            return next;
        }

        private PersistentMap<Object, Integer> minus(Minus minus) {
            touchedKeys.add(minus.key());
            boolean present = model.containsKey(minus.key());
            model.remove(minus.key());
            PersistentMap<Object, Integer> next = map.minus(minus.key());
            if (!present) {
                assertThat(next).as("minus of an absent key").isSameAs(map);
            }
            return next;
        }

        private PersistentMap<Object, Integer> batch(Batch batch) {
            PersistentMap.Builder<Object, Integer> builder = map.toBuilder();
            for (Step step : batch.steps()) {
                if (step instanceof Plus plus) {
                    touchedKeys.add(plus.key());
                    model.put(plus.key(), plus.value());
                    builder.put(plus.key(), plus.value());
                } else if (step instanceof Minus minus) {
                    touchedKeys.add(minus.key());
                    model.remove(minus.key());
                    builder.remove(minus.key());
                }
                assertThat(builder.size()).isEqualTo(model.size());
            }
            return builder.build();
        }

        private void record() {
            versions.add(map);
            snapshots.add(new HashMap<>(model));
        }

        void assertCurrentMatchesModel() {
            assertThat(map.size()).isEqualTo(model.size());
            assertThat(map.isEmpty()).isEqualTo(model.isEmpty());
            for (Object key : touchedKeys) {
                assertThat(map.get(key)).as("get(%s)", key).isEqualTo(model.get(key));
                assertThat(map.containsKey(key)).as("containsKey(%s)", key).isEqualTo(model.containsKey(key));
            }
            assertThat(map.equals(model)).isTrue();
            assertThat(model.equals(map)).isTrue();
            assertThat(map.hashCode()).isEqualTo(model.hashCode());
            assertStructurallyEqualToAFreshCopy();
            assertViewsMatchModel();
        }

        /** A copy built in another order must have the very same trie shape (structural equals demands it). */
        private void assertStructurallyEqualToAFreshCopy() {
            PersistentMap<Object, Integer> fresh = PersistentMap.copyOf(model);
            assertThat(map.equals(fresh)).isTrue();
            assertThat(fresh.equals(map)).isTrue();
            assertThat(List.copyOf(fresh.keySet())).hasSameElementsAs(map.keySet());
        }

        private void assertViewsMatchModel() {
            Map<Object, Integer> iterated = new HashMap<>();
            map.entrySet().forEach(entry -> iterated.put(entry.getKey(), entry.getValue()));
            Map<Object, Integer> visited = new HashMap<>();
            map.forEach(visited::put);
            assertThat(iterated).isEqualTo(model);
            assertThat(visited).isEqualTo(model);
            assertThat(new HashSet<>(map.keySet())).isEqualTo(model.keySet());
            assertThat(map.values()).hasSize(model.size());
        }

        void assertEarlierVersionsUnchanged() {
            for (int i = 0; i < versions.size(); i++) {
                PersistentMap<Object, Integer> version = versions.get(i);
                Map<Object, Integer> snapshot = snapshots.get(i);
                assertThat(version.size()).as("size of version %d", i).isEqualTo(snapshot.size());
                assertThat(version.equals(snapshot)).as("version %d equals its snapshot", i).isTrue();
                assertThat(snapshot.equals(version)).as("snapshot equals version %d", i).isTrue();
            }
        }
    }
}
