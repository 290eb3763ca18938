package io.theus.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both collections at 100 000 elements: every lookup, updates near the ends, full iteration. */
class PersistentCollectionsAtScaleTest {

    private static final int N = 100_000;

    private static PersistentMap<Integer, Integer> squaresByPlus() {
        PersistentMap<Integer, Integer> map = PersistentMap.empty();
        for (int i = 0; i < N; i++) {
            map = map.plus(i, i * i);
        }
        return map;
    }

    private static Map<Integer, Integer> squaresModel() {
        Map<Integer, Integer> model = new HashMap<>();
        for (int i = 0; i < N; i++) {
            model.put(i, i * i);
        }
        return model;
    }

    private static PersistentVector<Integer> rangeByPlus() {
        PersistentVector<Integer> vector = PersistentVector.empty();
        for (int i = 0; i < N; i++) {
            vector = vector.plus(i);
        }
        return vector;
    }

    private static List<Integer> rangeModel() {
        List<Integer> model = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            model.add(i);
        }
        return model;
    }

    // ------------------------------------------------------------------------------------------------ map

    @Test
    void mapOfAHundredThousandEntriesFindsEveryKeyAndNoOther() {
        PersistentMap<Integer, Integer> map = squaresByPlus();

        assertThat(map.size()).isEqualTo(N);
        for (int i = 0; i < N; i++) {
            assertThat(map.get(i)).isEqualTo(i * i);
        }
        assertThat(map.containsKey(-1)).isFalse();
        assertThat(map.containsKey(N)).isFalse();
        assertThat(map).isEqualTo(squaresModel());
        assertThat(map.hashCode()).isEqualTo(squaresModel().hashCode());
    }

    @Test
    void mapOfAHundredThousandEntriesIteratesEachMappingOnce() {
        PersistentMap<Integer, Integer> map = squaresByPlus();
        Map<Integer, Integer> iterated = new HashMap<>();
        long[] visited = {0};

        for (Map.Entry<Integer, Integer> entry : map.entrySet()) {
            iterated.put(entry.getKey(), entry.getValue());
        }
        map.forEach((key, value) -> visited[0]++);

        assertThat(iterated).isEqualTo(squaresModel());
        assertThat(visited[0]).isEqualTo(N);
    }

    @Test
    void mapBuiltByBuilderInAnotherOrderEqualsMapBuiltByPlusAndIteratesAlike() {
        PersistentMap<Integer, Integer> byPlus = squaresByPlus();
        PersistentMap.Builder<Integer, Integer> builder = PersistentMap.builder();
        for (int i = N - 1; i >= 0; i--) {
            builder.put(i, -1).put(i, i * i).put(N + i, 0);
        }
        for (int i = 0; i < N; i++) {
            builder.remove(N + i);
        }

        PersistentMap<Integer, Integer> byBuilder = builder.build();

        assertThat(byBuilder).isEqualTo(byPlus);
        assertThat(List.copyOf(byBuilder.keySet())).isEqualTo(List.copyOf(byPlus.keySet()));
    }

    @Test
    void removingHalfOfAHundredThousandEntriesKeepsTheRestAndTheOriginal() {
        PersistentMap<Integer, Integer> full = squaresByPlus();
        PersistentMap<Integer, Integer> odd = full;
        for (int i = 0; i < N; i += 2) {
            odd = odd.minus(i);
        }

        assertThat(odd.size()).isEqualTo(N / 2);
        for (int i = 0; i < N; i++) {
            assertThat(odd.containsKey(i)).isEqualTo(i % 2 == 1);
        }
        assertThat(full).isEqualTo(squaresModel());
        assertThat(odd.toBuilder().remove(1).put(0, 0).build().size()).isEqualTo(N / 2);
    }

    @Test
    void mapOfAHundredThousandStringKeysFindsEveryKey() {
        PersistentMap.Builder<String, Integer> builder = PersistentMap.builder();
        for (int i = 0; i < N; i++) {
            builder.put("key-" + i, i);
        }
        PersistentMap<String, Integer> map = builder.build();

        for (int i = 0; i < N; i++) {
            assertThat(map.get("key-" + i)).isEqualTo(i);
        }
        assertThat(map.get("key-" + N)).isNull();
    }

    // --------------------------------------------------------------------------------------------- vector

    @Test
    void vectorOfAHundredThousandElementsReadsEveryIndexAndIteratesInOrder() {
        PersistentVector<Integer> vector = rangeByPlus();

        assertThat(vector.size()).isEqualTo(N);
        for (int i = 0; i < N; i++) {
            assertThat(vector.get(i)).isEqualTo(i);
        }
        Iterator<Integer> iterator = vector.iterator();
        for (int i = 0; i < N; i++) {
            assertThat(iterator.next()).isEqualTo(i);
        }
        assertThat(iterator.hasNext()).isFalse();
        long[] sum = {0};
        vector.forEach(element -> sum[0] += element);
        assertThat(sum[0]).isEqualTo((long) N * (N - 1) / 2);
        assertThat(vector).isEqualTo(rangeModel()).isEqualTo(PersistentVector.copyOf(rangeModel()));
    }

    @Test
    void withAcrossAHundredThousandElementsChangesOnlyItsIndex() {
        PersistentVector<Integer> vector = rangeByPlus();
        List<Integer> model = rangeModel();
        PersistentVector<Integer> changed = vector;

        for (int index : new int[] {0, 1, 31, 32, 1023, 1024, 32_767, 32_768, N / 2, N - 33, N - 32, N - 1}) {
            changed = changed.with(index, -index);
            model.set(index, -index);
        }

        assertThat(changed).isEqualTo(model);
        assertThat(vector).isEqualTo(rangeModel());
    }

    @Test
    void removeAtNearBothEndsOfAHundredThousandElements() {
        PersistentVector<Integer> vector = rangeByPlus();
        List<Integer> model = rangeModel();
        PersistentVector<Integer> shrunk = vector;

        for (int index : new int[] {0, 1, N - 4, N - 5}) {
            shrunk = shrunk.removeAt(index);
            model.remove(index);

            assertThat(shrunk).isEqualTo(model);
        }
        shrunk = shrunk.removeAt(shrunk.size() - 1);
        model.removeLast();

        assertThat(shrunk).isEqualTo(model);
        assertThat(vector).isEqualTo(rangeModel());
    }

    @Test
    void minusLastEmptiesAHundredThousandElementsOneByOne() {
        PersistentVector<Integer> vector = rangeByPlus();

        for (int size = N; size > 0; size--) {
            assertThat(vector.size()).isEqualTo(size);
            assertThat(vector.get(size - 1)).isEqualTo(size - 1);
            vector = vector.minusLast();
        }

        assertThat(vector).isSameAs(PersistentVector.empty());
    }

    @Test
    void vectorBuiltByBuilderEqualsVectorBuiltByPlusAndLeavesItUnchanged() {
        PersistentVector<Integer> byPlus = rangeByPlus();
        PersistentVector.Builder<Integer> builder = byPlus.toBuilder();
        for (int i = 0; i < N; i++) {
            builder.set(i, -i);
        }
        for (int i = 0; i < N; i++) {
            builder.removeLast();
        }
        for (int i = 0; i < N; i++) {
            builder.add(i);
        }

        assertThat(builder.build()).isEqualTo(byPlus);
        assertThat(byPlus).isEqualTo(rangeModel());
    }
}
