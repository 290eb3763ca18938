package io.theus.state.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random operation sequences against an {@link ArrayList} model, including bulk steps that carry the vector across
 * tail and trie-level boundaries (32, 1056, ...) in both directions.
 */
class PersistentVectorPropertiesTest {

    /** One operation of a generated script; positions are reduced modulo the current size. */
    sealed interface Step permits Plus, PlusMany, With, MinusLast, MinusLastMany, RemoveAt, Batch {
    }

    /** {@code plus(element)}, or {@code add} inside a batch. */
    record Plus(Integer element) implements Step {
    }

    /** {@code count} appends of consecutive numbers. */
    record PlusMany(int count) implements Step {
    }

    /** {@code with(position % size, element)}, or {@code set} inside a batch. */
    record With(int position, Integer element) implements Step {
    }

    /** {@code minusLast()}, or {@code removeLast} inside a batch. */
    record MinusLast() implements Step {
    }

    /** {@code count} removals of the last element (fewer if the vector runs out). */
    record MinusLastMany(int count) implements Step {
    }

    /** {@code removeAt(position % size)}; not available in a batch. */
    record RemoveAt(int position) implements Step {
    }

    /** Steps applied through one builder started from the current vector. */
    record Batch(List<Step> steps) implements Step {
    }

    @Property(tries = 150)
    void randomOperationsMatchArrayListAndNeverChangeEarlierVersions(@ForAll("scripts") List<Step> script) {
        History history = new History();

        for (Step step : script) {
            history.apply(step);

            history.assertCurrentMatchesModel();
            history.assertEarlierVersionsUnchanged();
        }
    }

    @Property(tries = 150)
    void twoPersistentVectorsAreEqualExactlyWhenTheirElementsAre(
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

        assertThat(leftHistory.vector.equals(rightHistory.vector)).isEqualTo(modelsEqual);
        assertThat(rightHistory.vector.equals(leftHistory.vector)).isEqualTo(modelsEqual);
        if (modelsEqual) {
            assertThat(leftHistory.vector.hashCode()).isEqualTo(rightHistory.vector.hashCode());
        }
    }

    // ----------------------------------------------------------------------------------------- generators

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Step> batch = builderSteps().list().ofMaxSize(30).map(Batch::new);
        Arbitrary<Step> removeAt = positions().map(RemoveAt::new);
        return Arbitraries.frequencyOf(List.of(Tuple.of(10, builderSteps()), Tuple.of(2, removeAt), Tuple.of(1, batch)))
                .list()
                .ofMaxSize(30);
    }

    /** Steps a builder can apply too. */
    private static Arbitrary<Step> builderSteps() {
        Arbitrary<Step> plus = elements().map(Plus::new);
        Arbitrary<Step> plusMany = Arbitraries.integers().between(1, 1100).map(PlusMany::new);
        Arbitrary<Step> with = Combinators.combine(positions(), elements()).as(With::new);
        Arbitrary<Step> minusLast = Arbitraries.just(new MinusLast());
        Arbitrary<Step> minusLastMany = Arbitraries.integers().between(1, 1100).map(MinusLastMany::new);
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(4, plus), Tuple.of(1, plusMany), Tuple.of(3, with), Tuple.of(3, minusLast),
                Tuple.of(1, minusLastMany)));
    }

    private static Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 1_000_000);
    }

    /** Few distinct values, all cached Integers, so that writing an identical element is frequent. */
    private static Arbitrary<Integer> elements() {
        return Arbitraries.integers().between(0, 3);
    }

    // ------------------------------------------------------------------------------------------- support

    /** Every version of a vector produced by a script, each beside a snapshot of the model it must equal. */
    private static final class History {

        private final List<PersistentVector<Integer>> versions = new ArrayList<>();
        private final List<List<Integer>> snapshots = new ArrayList<>();
        private PersistentVector<Integer> vector = PersistentVector.empty();
        private List<Integer> model = new ArrayList<>();

        History() {
            record();
        }

        History branch() {
            History branch = new History();
            branch.vector = vector;
            branch.model = new ArrayList<>(model);
            return branch;
        }

        void apply(Step step) {
            vector = switch (step) {
                case Plus plus -> plus(plus.element());
                case PlusMany many -> plusMany(many.count());
                case With with -> with(with);
                case MinusLast ignored -> minusLast();
                case MinusLastMany many -> minusLastMany(many.count());
                case RemoveAt removeAt -> removeAt(removeAt.position());
                case Batch batch -> batch(batch.steps());
            };
            record();
        }

        private PersistentVector<Integer> plus(Integer element) {
            model.add(element);
            return vector.plus(element);
        }

        private PersistentVector<Integer> plusMany(int count) {
            PersistentVector<Integer> next = vector;
            for (int i = 0; i < count; i++) {
                model.add(i);
                next = next.plus(i);
            }
            return next;
        }

        private PersistentVector<Integer> with(With with) {
            if (model.isEmpty()) {
                assertThatThrownBy(() -> vector.with(0, with.element())).isInstanceOf(IndexOutOfBoundsException.class);
                return vector;
            }
            int index = with.position() % model.size();
            Integer previous = model.set(index, with.element());
            PersistentVector<Integer> next = vector.with(index, with.element());
            if (previous == with.element()) {
                assertThat(next).as("with of an identical element").isSameAs(vector);
            }
            return next;
        }

        private PersistentVector<Integer> minusLast() {
            if (model.isEmpty()) {
                assertThatThrownBy(vector::minusLast).isInstanceOf(NoSuchElementException.class);
                return vector;
            }
            model.removeLast();
            return vector.minusLast();
        }

        private PersistentVector<Integer> minusLastMany(int count) {
            PersistentVector<Integer> next = vector;
            for (int i = 0; i < count && !model.isEmpty(); i++) {
                model.removeLast();
                next = next.minusLast();
            }
            return next;
        }

        private PersistentVector<Integer> removeAt(int position) {
            if (model.isEmpty()) {
                assertThatThrownBy(() -> vector.removeAt(0)).isInstanceOf(IndexOutOfBoundsException.class);
                return vector;
            }
            int index = position % model.size();
            model.remove(index);
            return vector.removeAt(index);
        }

        private PersistentVector<Integer> batch(List<Step> steps) {
            PersistentVector.Builder<Integer> builder = vector.toBuilder();
            for (Step step : steps) {
                applyToBuilder(builder, step);
                assertThat(builder.size()).isEqualTo(model.size());
            }
            return builder.build();
        }

        private void applyToBuilder(PersistentVector.Builder<Integer> builder, Step step) {
            switch (step) {
                case Plus plus -> {
                    model.add(plus.element());
                    builder.add(plus.element());
                }
                case PlusMany many -> {
                    for (int i = 0; i < many.count(); i++) {
                        model.add(i);
                        builder.add(i);
                    }
                }
                case With with -> setInBuilder(builder, with);
                case MinusLast ignored -> removeLastFromBuilder(builder, 1);
                case MinusLastMany many -> removeLastFromBuilder(builder, many.count());
                case RemoveAt ignored -> throw new AssertionError("removeAt is not generated inside a batch");
                case Batch ignored -> throw new AssertionError("batches are not generated inside a batch");
            }
        }

        private void setInBuilder(PersistentVector.Builder<Integer> builder, With with) {
            if (model.isEmpty()) {
                assertThatThrownBy(() -> builder.set(0, with.element())).isInstanceOf(IndexOutOfBoundsException.class);
                return;
            }
            int index = with.position() % model.size();
            model.set(index, with.element());
            builder.set(index, with.element());
        }

        private void removeLastFromBuilder(PersistentVector.Builder<Integer> builder, int count) {
            if (model.isEmpty()) {
                assertThatThrownBy(builder::removeLast).isInstanceOf(NoSuchElementException.class);
                return;
            }
            for (int i = 0; i < count && !model.isEmpty(); i++) {
                model.removeLast();
                builder.removeLast();
            }
        }

        private void record() {
            versions.add(vector);
            snapshots.add(List.copyOf(model));
        }

        void assertCurrentMatchesModel() {
            assertThat(vector.size()).isEqualTo(model.size());
            for (int i = 0; i < model.size(); i++) {
                assertThat(vector.get(i)).as("get(%d)", i).isEqualTo(model.get(i));
            }
            assertThat(vector.equals(model)).isTrue();
            assertThat(model.equals(vector)).isTrue();
            assertThat(vector.hashCode()).isEqualTo(model.hashCode());
            assertThat(new ArrayList<>(vector)).isEqualTo(model);
            PersistentVector<Integer> fresh = PersistentVector.copyOf(model);
            assertThat(vector.equals(fresh)).as("structurally equal to a fresh copy").isTrue();
            assertThat(fresh.equals(vector)).as("a fresh copy is structurally equal").isTrue();
        }

        void assertEarlierVersionsUnchanged() {
            for (int i = 0; i < versions.size(); i++) {
                PersistentVector<Integer> version = versions.get(i);
                List<Integer> snapshot = snapshots.get(i);
                assertThat(version.size()).as("size of version %d", i).isEqualTo(snapshot.size());
                assertThat(version.equals(snapshot)).as("version %d equals its snapshot", i).isTrue();
                assertThat(version.hashCode()).as("hashCode of version %d", i).isEqualTo(snapshot.hashCode());
            }
        }
    }
}
