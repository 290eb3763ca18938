package io.theus.benchmarks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one row of {@code docs/benchmarks.md} on the benchmark class that measures it. The report generator
 * ({@link io.theus.benchmarks.report.BenchmarkReport}) reads these annotations from the classes named in the JMH
 * results, so a new benchmark class adds its rows to the report without editing any central list.
 *
 * <p>A row pairs a subject (Theus) with the alternative measured in the same run. Benchmark methods are matched by
 * name: a method belongs to {@link #subject()} if its name equals it or starts with it followed by {@code _} (so
 * {@code counter_1}, {@code counter_2} … form one series, told apart by their thread counts); the same holds for
 * {@link #alternative()}. Results are paired by their JMH parameters and thread count.
 *
 * <p>Targets are short expressions the generator evaluates, one per string:
 * <ul>
 *   <li>{@code ratio <= 3} — subject cost / alternative cost (times slower) at every configuration;</li>
 *   <li>{@code time <= 1000} — subject time per operation in nanoseconds (average-time benchmarks);</li>
 *   <li>{@code alloc <= 16384} — subject bytes allocated per operation (needs {@code -prof gc});</li>
 *   <li>{@code flat(size) <= 2} — subject cost at the largest value of parameter {@code size} divided by its cost at
 *       the smallest, with the other parameters fixed (O(1) in {@code size});</li>
 *   <li>{@code flatRatio(size) <= 1.5} — the subject/alternative ratio at the largest {@code size} divided by the
 *       ratio at the smallest (the subject grows no faster than the alternative);</li>
 *   <li>{@code linear(changes) <= 1.5} — subject cost per unit of {@code changes} at the largest value divided by the
 *       cost per unit at the smallest (no worse than linear);</li>
 *   <li>{@code exact} — correctness is asserted by the benchmark itself (a failing run has no result).</li>
 * </ul>
 *
 * <p>Immutable (an annotation).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(ReportRows.class)
public @interface ReportRow {
    /** {@return the row identifier, e.g. {@code 1} or {@code 2b}; rows are sorted by it} */
    String id();

    /** {@return a short title} */
    String title();

    /** {@return the workload in one or two sentences (Markdown)} */
    String workload();

    /** {@return the subject's benchmark method name (or name prefix)} */
    String subject();

    /** {@return the alternative's benchmark method name (or name prefix), or empty for none} */
    String alternative() default "";

    /** {@return how the alternative is described in the report (Markdown)} */
    String alternativeName() default "";

    /** {@return the targets, evaluated by the report generator} */
    String[] targets() default {};

    /** {@return what the reference implementation achieves, for comparison, or empty} */
    String reference() default "";

    /** {@return secondary metrics to show per operation, e.g. JMH aux counters such as {@code retries}} */
    String[] extras() default {};
}
