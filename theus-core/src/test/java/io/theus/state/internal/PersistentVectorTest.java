package io.theus.state.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PersistentVectorTest {

    /** Sizes around every tail and trie-level boundary up to three levels. */
    private static final int[] BOUNDARY_SIZES = {0, 1, 2, 31, 32, 33, 63, 64, 65, 1023, 1024, 1025, 1055, 1056, 1057,
        1088, 1089, 32 * 32 * 32 + 32, 32 * 32 * 32 + 33};

    private static PersistentVector<Integer> rangeByPlus(int size) {
        PersistentVector<Integer> vector = PersistentVector.empty();
        for (int i = 0; i < size; i++) {
            vector = vector.plus(i);
        }
        return vector;
    }

    private static List<Integer> range(int size) {
        return IntStream.range(0, size).boxed().toList();
    }

    // ------------------------------------------------------------------------------------------ basics

    @Test
    void emptyVectorHasNoElementsAndIsAlwaysTheSameInstance() {
        PersistentVector<String> empty = PersistentVector.empty();

        assertThat(empty).isEmpty();
        assertThat(empty.size()).isZero();
        assertThat(empty).isSameAs(PersistentVector.<Integer>empty());
        assertThat(empty).isEqualTo(List.of());
        assertThat(empty.hashCode()).isEqualTo(List.of().hashCode());
        assertThat(empty.toString()).isEqualTo("[]");
    }

    @Test
    void plusAppendsAndLeavesOriginalUnchanged() {
        PersistentVector<String> one = PersistentVector.<String>empty().plus("a");
        PersistentVector<String> two = one.plus("b");

        assertThat(two).containsExactly("a", "b");
        assertThat(one).containsExactly("a");
    }

    @Test
    void plusGrowsThroughEveryTailAndLevelBoundary() {
        for (int size : BOUNDARY_SIZES) {
            PersistentVector<Integer> vector = rangeByPlus(size);

            assertThat(vector).as("size %d", size).isEqualTo(range(size));
            assertThat(vector.size()).isEqualTo(size);
        }
    }

    @Test
    void withReplacesOneElementAndLeavesOriginalUnchanged() {
        PersistentVector<Integer> vector = rangeByPlus(1100);

        for (int index : new int[] {0, 31, 32, 500, 1023, 1024, 1099}) {
            PersistentVector<Integer> changed = vector.with(index, -1);

            assertThat(changed.get(index)).isEqualTo(-1);
            assertThat(changed.size()).isEqualTo(1100);
            assertThat(vector.get(index)).isEqualTo(index);
        }
        assertThat(vector).isEqualTo(range(1100));
    }

    @Test
    void withOfAnIdenticalElementReturnsTheSameVector() {
        PersistentVector<Integer> vector = rangeByPlus(100);

        assertThat(vector.with(3, vector.get(3))).isSameAs(vector);
        assertThat(vector.with(99, vector.get(99))).isSameAs(vector);
    }

    @Test
    void indexOutOfRangeIsRejectedWithIndexAndSizeInTheMessage() {
        PersistentVector<Integer> vector = rangeByPlus(3);

        assertThatThrownBy(() -> vector.with(3, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("3").hasMessageContaining("length 3");
        assertThatThrownBy(() -> vector.with(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> vector.get(7)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("7").hasMessageContaining("3");
        assertThatThrownBy(() -> vector.removeAt(3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("3");
        assertThatThrownBy(() -> vector.listIterator(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void nullElementsAreRejectedWithAMessage() {
        PersistentVector<String> vector = PersistentVector.<String>empty().plus("a");

        assertThatThrownBy(() -> vector.plus(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> vector.with(0, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PersistentVector.copyOf(Arrays.asList("a", null)))
                .isInstanceOf(NullPointerException.class);
        assertThat(vector.contains(null)).isFalse();
        assertThat(vector.indexOf(null)).isEqualTo(-1);
    }

    @Test
    void minusLastShrinksThroughEveryTailAndLevelBoundary() {
        for (int size : BOUNDARY_SIZES) {
            if (size == 0) {
                continue;
            }
            PersistentVector<Integer> vector = rangeByPlus(size);

            PersistentVector<Integer> shorter = vector.minusLast();

            assertThat(shorter).as("size %d", size).isEqualTo(range(size - 1));
            assertThat(shorter.plus(size - 1)).isEqualTo(vector);
            assertThat(vector).isEqualTo(range(size));
        }
    }

    @Test
    void minusLastOfTheOnlyElementReturnsTheEmptyVector() {
        assertThat(PersistentVector.empty().plus("a").minusLast()).isSameAs(PersistentVector.empty());
    }

    @Test
    void minusLastOfTheEmptyVectorThrowsNoSuchElement() {
        assertThatThrownBy(() -> PersistentVector.empty().minusLast()).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void removeAtShiftsLaterElementsDownAndLeavesOriginalUnchanged() {
        PersistentVector<Integer> vector = rangeByPlus(1100);

        for (int index : new int[] {0, 1, 31, 32, 1023, 1024, 1098, 1099}) {
            List<Integer> expected = new ArrayList<>(range(1100));
            expected.remove(index);

            assertThat(vector.removeAt(index)).as("removeAt(%d)", index).isEqualTo(expected);
        }
        assertThat(vector).isEqualTo(range(1100));
        assertThat(PersistentVector.empty().plus("a").removeAt(0)).isSameAs(PersistentVector.empty());
    }

    // ------------------------------------------------------------------------------ equality and iteration

    @Test
    void equalsAndHashCodeFollowTheListContract() {
        PersistentVector<Integer> vector = rangeByPlus(70);

        assertThat(vector).isEqualTo(range(70)).isEqualTo(new LinkedList<>(range(70)));
        assertThat(range(70)).isEqualTo(vector);
        assertThat(vector.hashCode()).isEqualTo(range(70).hashCode());
        assertThat(vector).isNotEqualTo(range(69)).isNotEqualTo(vector.with(40, -1)).isNotEqualTo(vector.plus(0));
        assertThat(vector).isNotEqualTo(Set.copyOf(range(70)));
        assertThat(vector.equals(null)).isFalse();
    }

    @Test
    void vectorsWithTheSameElementsAreEqualWhateverTheirHistory() {
        PersistentVector<Integer> byPlus = rangeByPlus(1100);
        PersistentVector<Integer> byBuilder = PersistentVector.copyOf(range(1100));
        PersistentVector<Integer> byDetour = rangeByPlus(1200).with(5, 99).removeAt(1150);
        for (int i = 0; i < 99; i++) {
            byDetour = byDetour.minusLast();
        }
        byDetour = byDetour.with(5, 5);

        assertThat(byPlus).isEqualTo(byBuilder).isEqualTo(byDetour);
        assertThat(byDetour).isEqualTo(byPlus);
        assertThat(byPlus.hashCode()).isEqualTo(byBuilder.hashCode()).isEqualTo(byDetour.hashCode());
    }

    @Test
    void listIteratorWalksForwardAndBackward() {
        PersistentVector<Integer> vector = rangeByPlus(100);
        ListIterator<Integer> iterator = vector.listIterator(100);
        List<Integer> backward = new ArrayList<>();

        while (iterator.hasPrevious()) {
            assertThat(iterator.previousIndex()).isEqualTo(99 - backward.size());
            backward.add(iterator.previous());
        }

        assertThat(backward).isEqualTo(range(100).reversed());
        assertThat(iterator.nextIndex()).isZero();
        assertThat(iterator.next()).isZero();
        assertThat(iterator.previous()).isZero();
        assertThatThrownBy(iterator::previous).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void iteratorThrowsNoSuchElementWhenExhausted() {
        Iterator<String> iterator = PersistentVector.<String>empty().plus("a").iterator();

        assertThat(iterator.next()).isEqualTo("a");
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void forEachVisitsEveryElementInOrder() {
        PersistentVector<Integer> vector = rangeByPlus(1100);
        List<Integer> visited = new ArrayList<>();

        vector.forEach(visited::add);

        assertThat(visited).isEqualTo(range(1100));
    }

    @Test
    void queriesInheritedFromListWork() {
        PersistentVector<String> vector = PersistentVector.copyOf(List.of("a", "b", "a"));

        assertThat(vector.indexOf("a")).isZero();
        assertThat(vector.lastIndexOf("a")).isEqualTo(2);
        assertThat(vector.contains("b")).isTrue();
        assertThat(vector.getFirst()).isEqualTo("a");
        assertThat(vector.getLast()).isEqualTo("a");
        assertThat(vector.stream().toList()).containsExactly("a", "b", "a");
        assertThat(vector.toArray()).containsExactly("a", "b", "a");
        assertThat(vector.toString()).isEqualTo("[a, b, a]");
    }

    @Test
    void subListAndReversedAreReadOnlyViews() {
        PersistentVector<Integer> vector = rangeByPlus(100);

        assertThat(vector.subList(30, 40)).isEqualTo(range(100).subList(30, 40));
        assertThat(vector.subList(30, 40).subList(2, 4)).containsExactly(32, 33);
        assertThat(vector.reversed()).isEqualTo(range(100).reversed());
        assertThatThrownBy(() -> vector.subList(50, 101)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    // ----------------------------------------------------------------------------------- copyOf and builder

    @Test
    void copyOfReturnsAPersistentVectorItself() {
        PersistentVector<Integer> vector = rangeByPlus(3);

        assertThat(PersistentVector.<Number>copyOf(vector)).isSameAs(vector);
    }

    @Test
    void copyOfCopiesAnyOtherCollectionInIterationOrder() {
        List<Integer> source = new ArrayList<>(range(40));

        PersistentVector<Integer> copy = PersistentVector.copyOf(source);
        source.add(40);

        assertThat(copy).isEqualTo(range(40));
        assertThat(PersistentVector.copyOf(List.of())).isSameAs(PersistentVector.empty());
    }

    @Test
    void builderAddsSetsAndRemovesAcrossEveryBoundary() {
        for (int size : BOUNDARY_SIZES) {
            PersistentVector.Builder<Integer> builder = PersistentVector.builder();
            for (int i = 0; i < size + 40; i++) {
                builder.add(i);
            }
            for (int i = 0; i < 40; i++) {
                builder.removeLast();
            }
            if (size > 0) {
                builder.set(size - 1, -1).set(0, -2);
            }

            List<Integer> expected = new ArrayList<>(range(size));
            if (size > 0) {
                expected.set(size - 1, -1);
                expected.set(0, -2);
            }
            assertThat(builder.size()).isEqualTo(size);
            assertThat(builder.build()).as("size %d", size).isEqualTo(expected);
        }
    }

    @Test
    void builderStartedFromAVectorLeavesThatVectorUnchanged() {
        PersistentVector<Integer> original = rangeByPlus(1100);
        PersistentVector.Builder<Integer> builder = original.toBuilder();

        for (int i = 0; i < 1100; i += 7) {
            builder.set(i, -i);
        }
        for (int i = 0; i < 600; i++) {
            builder.removeLast();
        }
        builder.add(7).add(8);
        PersistentVector<Integer> built = builder.build();

        assertThat(original).isEqualTo(range(1100));
        assertThat(built.size()).isEqualTo(502);
        assertThat(built.get(7)).isEqualTo(-7);
        assertThat(built.get(501)).isEqualTo(8);
    }

    @Test
    void builtVectorNeverChangesWhenANewBuilderStartsFromIt() {
        PersistentVector<Integer> built = PersistentVector.<Integer>builder().add(1).add(2).build();

        PersistentVector<Integer> derived = built.toBuilder().set(0, 10).removeLast().add(3).build();

        assertThat(built).containsExactly(1, 2);
        assertThat(derived).containsExactly(10, 3);
    }

    @Test
    void builderIsUnusableAfterBuild() {
        PersistentVector.Builder<Integer> builder = PersistentVector.<Integer>builder().add(1);
        PersistentVector<Integer> built = builder.build();

        assertThatThrownBy(() -> builder.add(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.set(0, 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(builder::removeLast).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(builder::size).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThat(built).containsExactly(1);
    }

    @Test
    void builderRejectsNullsBadIndexesAndRemovalFromEmpty() {
        PersistentVector.Builder<Integer> builder = PersistentVector.<Integer>builder().add(1);

        assertThatThrownBy(() -> builder.add(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.set(0, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.set(1, 5)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("1");
        builder.removeLast();
        assertThatThrownBy(builder::removeLast).isInstanceOf(NoSuchElementException.class);
        assertThat(builder.build()).isSameAs(PersistentVector.empty());
    }

    // ---------------------------------------------------------------------------------------- immutability

    @TestFactory
    Stream<DynamicTest> everyMutatorOfTheVectorItsViewsAndIteratorsThrowsUnsupportedOperation() {
        return Stream.of(rangeByPlus(40), PersistentVector.<Integer>empty()).flatMap(vector -> mutators().entrySet()
                .stream()
                .map(mutator -> DynamicTest.dynamicTest(
                        mutator.getKey() + " throws on a vector of size " + vector.size(),
                        () -> assertRejected(vector, mutator.getValue()))));
    }

    private static void assertRejected(PersistentVector<Integer> vector, Consumer<List<Integer>> mutator) {
        List<Integer> before = new ArrayList<>(vector);

        assertThatThrownBy(() -> mutator.accept(vector)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(vector).isEqualTo(before);
    }

    private static Map<String, Consumer<List<Integer>>> mutators() {
        Map<String, Consumer<List<Integer>>> mutators = new LinkedHashMap<>();
        mutators.putAll(listMutators());
        mutators.putAll(iteratorMutators());
        mutators.putAll(viewMutators());
        return mutators;
    }

    private static Map<String, Consumer<List<Integer>>> listMutators() {
        Map<String, Consumer<List<Integer>>> m = new LinkedHashMap<>();
        m.put("add", list -> list.add(1));
        m.put("add at an index", list -> list.add(0, 1));
        m.put("set", list -> list.set(0, 1));
        m.put("remove at an index", list -> list.remove(0));
        m.put("remove of a present element", list -> list.remove(Integer.valueOf(0)));
        m.put("remove of an absent element", list -> list.remove(Integer.valueOf(-5)));
        m.put("addAll", list -> list.addAll(List.of(1)));
        m.put("addAll of nothing", list -> list.addAll(List.of()));
        m.put("addAll at an index", list -> list.addAll(0, List.of(1)));
        m.put("removeAll", list -> list.removeAll(List.of(0)));
        m.put("retainAll", list -> list.retainAll(List.of()));
        m.put("removeIf", list -> list.removeIf(element -> true));
        m.put("removeIf matching nothing", list -> list.removeIf(element -> false));
        m.put("clear", List::clear);
        m.put("replaceAll", list -> list.replaceAll(element -> element));
        m.put("sort", list -> list.sort(Comparator.naturalOrder()));
        m.put("addFirst", list -> list.addFirst(1));
        m.put("addLast", list -> list.addLast(1));
        m.put("removeFirst", List::removeFirst);
        m.put("removeLast", List::removeLast);
        return m;
    }

    private static Map<String, Consumer<List<Integer>>> iteratorMutators() {
        Map<String, Consumer<List<Integer>>> m = new LinkedHashMap<>();
        m.put("iterator remove", list -> removeThroughIterator(list.iterator()));
        m.put("listIterator remove", list -> removeThroughIterator(list.listIterator()));
        m.put("listIterator set", list -> list.listIterator().set(1));
        m.put("listIterator add", list -> list.listIterator().add(1));
        m.put("listIterator from the end add", list -> list.listIterator(list.size()).add(1));
        return m;
    }

    private static Map<String, Consumer<List<Integer>>> viewMutators() {
        Map<String, Consumer<List<Integer>>> m = new LinkedHashMap<>();
        m.put("subList add", list -> list.subList(0, 0).add(1));
        m.put("subList set", list -> list.subList(0, list.size()).set(0, 1));
        m.put("subList remove", list -> list.subList(0, list.size()).remove(0));
        m.put("subList clear", list -> list.subList(0, list.size()).clear());
        m.put("empty subList clear", list -> list.subList(0, 0).clear());
        m.put("subList removeIf", list -> list.subList(0, list.size()).removeIf(element -> true));
        m.put("subList iterator remove", list -> removeThroughIterator(list.subList(0, list.size()).iterator()));
        m.put("subList listIterator set", list -> list.subList(0, list.size()).listIterator().set(1));
        m.put("reversed add", list -> list.reversed().add(1));
        m.put("reversed set", list -> list.reversed().set(0, 1));
        m.put("reversed remove at an index", list -> list.reversed().remove(0));
        m.put("reversed addFirst", list -> list.reversed().addFirst(1));
        m.put("reversed clear", list -> list.reversed().clear());
        m.put("reversed sort", list -> list.reversed().sort(Comparator.naturalOrder()));
        m.put("reversed iterator remove", list -> removeThroughIterator(list.reversed().iterator()));
        return m;
    }

    private static void removeThroughIterator(Iterator<?> iterator) {
        if (iterator.hasNext()) {
            iterator.next();
        }
        iterator.remove();
    }
}
