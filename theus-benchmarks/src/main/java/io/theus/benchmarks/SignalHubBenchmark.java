package io.theus.benchmarks;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.theus.signal.OverflowPolicy;
import io.theus.signal.Signal;
import io.theus.signal.SignalHub;
import io.theus.signal.SignalHubClosedException;
import io.theus.signal.SignalLagException;
import io.theus.signal.Subscription;
import io.theus.signal.WaitStrategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Row 8: one publisher broadcasting to 1 and to 4 subscribers, each subscriber counting every event it receives.
 * One operation publishes {@link #BATCH} events and waits until every subscriber has received all of them, so the
 * score is events per second delivered to every subscriber. Every side gets the same pre-built event object, a ring
 * (or buffer) of {@link #CAPACITY} slots, platform threads for its subscribers, and publishes from one thread.
 *
 * <ul>
 *   <li>{@code theus}: the SignalHub as an engine builds it by default: lossy ({@code DROP_OLDEST}; a batch never
 *       exceeds the ring, so nobody lags and the workload is the same) with spin-then-park receivers;</li>
 *   <li>{@code theus-lossless}: {@code BLOCK_PUBLISHER} with spin-then-park receivers;</li>
 *   <li>{@code theus-yielding}: {@code BLOCK_PUBLISHER} with yielding receivers;</li>
 *   <li>{@code disruptor}: LMAX Disruptor 4, multi-producer ring (the hub is always multi-producer), with
 *       {@code SleepingWaitStrategy} (spin, then yield, then park: the closest to spin-then-park);</li>
 *   <li>{@code disruptor-blocking}: the same with Disruptor's default {@code BlockingWaitStrategy};</li>
 *   <li>{@code disruptor-yielding}: the same with {@code YieldingWaitStrategy};</li>
 *   <li>{@code submission-publisher}: JDK {@link SubmissionPublisher} on a {@code ForkJoinPool} with one thread per
 *       subscriber. On JDK 25 its consumer now and then stops with the last submitted item undelivered until the
 *       next submit (seen here: about once per few million events); the wait loop therefore submits an uncounted
 *       no-op event after 100 000 spins without progress, which lets the run finish instead of hanging.</li>
 * </ul>
 *
 * <p>With five threads on two cores, every yielding variant swings by two orders of magnitude between iterations
 * (the scheduler decides who runs); the parking variants are the stable comparison.
 */
@ReportRow(id = "8a", title = "SignalHub vs LMAX Disruptor, 1 publisher → 1 and → 4 subscribers",
        workload = "one thread publishes batches of 1 024 events on a 1 024-slot ring; time per event delivered to"
                + " every subscriber (platform threads; both sides spin, then yield, then park when idle)",
        subject = "broadcast[impl=theus]", alternative = "broadcast[impl=disruptor]",
        alternativeName = "LMAX Disruptor 4, multi-producer ring, `SleepingWaitStrategy`, same batch and capacity",
        targets = {"ratio <= 2", "time <= 37"}, reference = "2.7 M events/s (≥ 27 M/s, i.e. ≤ 37 ns/event, asked)")
@ReportRow(id = "8b", title = "SignalHub vs JDK SubmissionPublisher",
        workload = "as 8a", subject = "broadcast[impl=theus]", alternative = "broadcast[impl=submission-publisher]",
        alternativeName = "`java.util.concurrent.SubmissionPublisher` on a `ForkJoinPool`, one thread per subscriber",
        targets = "ratio <= 0.1", reference = "160 k events/s from Python")
@ReportRow(id = "8c", title = "Lossless SignalHub vs Disruptor with its default blocking strategy",
        workload = "as 8a, lossless hub (`BLOCK_PUBLISHER`)", subject = "broadcast[impl=theus-lossless]",
        alternative = "broadcast[impl=disruptor-blocking]",
        alternativeName = "Disruptor 4 with `BlockingWaitStrategy` (lock and condition)")
@ReportRow(id = "8i", title = "Lossless SignalHub vs Disruptor, both with yielding receivers",
        workload = "as 8a, both sides yielding forever when idle (unstable with more threads than cores)",
        subject = "broadcast[impl=theus-yielding]", alternative = "broadcast[impl=disruptor-yielding]",
        alternativeName = "Disruptor 4 with `YieldingWaitStrategy`")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignalHubBenchmark {
    /** Ring slots (buffer capacity for SubmissionPublisher). */
    public static final int CAPACITY = 1024;
    /** Events per operation; never more than the ring, so the lossy hub never laps anyone. */
    public static final int BATCH = 1024;

    /** Which implementation. */
    @Param({"theus", "theus-lossless", "theus-yielding", "disruptor", "disruptor-blocking", "disruptor-yielding",
            "submission-publisher"})
    public String impl;

    /** How many subscribers. */
    @Param({"1", "4"})
    public int subscribers;

    private final Signal event = new Signal("tick", 42L);
    private Bus bus;
    private long published;

    /** What each implementation offers the benchmark. */
    private interface Bus {
        void publish(Signal s);

        /** Called when delivery made no progress for a while; only SubmissionPublisher needs it. */
        default void kick() {
        }

        long slowest();

        void close() throws InterruptedException;
    }

    /** Starts the implementation and its subscribers. */
    @Setup(Level.Trial)
    public void setUp() {
        bus = switch (impl) {
            case "theus" -> new TheusBus(OverflowPolicy.DROP_OLDEST, WaitStrategy.spinThenPark(), subscribers);
            case "theus-lossless" -> new TheusBus(OverflowPolicy.BLOCK_PUBLISHER, WaitStrategy.spinThenPark(),
                    subscribers);
            case "theus-yielding" -> new TheusBus(OverflowPolicy.BLOCK_PUBLISHER, WaitStrategy.yielding(),
                    subscribers);
            case "disruptor" -> new DisruptorBus(new SleepingWaitStrategy(), subscribers);
            case "disruptor-blocking" -> new DisruptorBus(new BlockingWaitStrategy(), subscribers);
            case "disruptor-yielding" -> new DisruptorBus(new YieldingWaitStrategy(), subscribers);
            case "submission-publisher" -> new SubmissionBus(subscribers);
            default -> throw new IllegalArgumentException("unknown impl " + impl);
        };
        published = 0;
    }

    /** Stops the implementation. */
    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        bus.close();
    }

    /**
     * Publishes a batch and waits until every subscriber received it.
     *
     * @return the slowest subscriber's count
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long broadcast() {
        for (int i = 0; i < BATCH; i++) {
            bus.publish(event);
        }
        published += BATCH;
        long seen;
        for (int spins = 0; (seen = bus.slowest()) < published; spins++) {
            if (spins % 100_000 == 99_999) {
                bus.kick();
            }
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return seen;
    }

    private static long slowest(AtomicLong[] counts) {
        long min = Long.MAX_VALUE;
        for (AtomicLong c : counts) {
            min = Math.min(min, c.get());
        }
        return min;
    }

    private static AtomicLong[] counters(int n) {
        AtomicLong[] counts = new AtomicLong[n];
        for (int i = 0; i < n; i++) {
            counts[i] = new AtomicLong();
        }
        return counts;
    }

    private static final ThreadFactory DAEMONS = r -> {
        Thread t = new Thread(r, "bench-subscriber");
        t.setDaemon(true);
        return t;
    };

    /** The SignalHub with one receiving thread per subscription. */
    private static final class TheusBus implements Bus {
        private final SignalHub hub;
        private final AtomicLong[] counts;
        private final List<Thread> threads = new ArrayList<>();

        TheusBus(OverflowPolicy policy, WaitStrategy wait, int n) {
            hub = SignalHub.builder().capacity(CAPACITY).overflowPolicy(policy).waitStrategy(wait).build();
            counts = counters(n);
            for (int i = 0; i < n; i++) {
                Subscription sub = hub.subscribe();
                AtomicLong count = counts[i];
                Thread t = DAEMONS.newThread(() -> receive(sub, count));
                threads.add(t);
                t.start();
            }
        }

        private static void receive(Subscription sub, AtomicLong count) {
            long n = 0;
            try {
                while (true) {
                    try {
                        sub.recv();
                        count.lazySet(++n);
                    } catch (SignalLagException e) {
                        n += e.missed();
                        count.lazySet(n);
                    }
                }
            } catch (SignalHubClosedException | InterruptedException e) {
                // closed by tearDown
            }
        }

        @Override
        public void publish(Signal s) {
            hub.publish(s);
        }

        @Override
        public long slowest() {
            return SignalHubBenchmark.slowest(counts);
        }

        @Override
        public void close() throws InterruptedException {
            hub.close();
            for (Thread t : threads) {
                t.join();
            }
        }
    }

    /** A mutable event slot, as the Disruptor needs. */
    private static final class Slot {
        Signal value;
    }

    /** LMAX Disruptor 4 with one handler (thread) per subscriber. */
    private static final class DisruptorBus implements Bus {
        private final Disruptor<Slot> disruptor;
        private final RingBuffer<Slot> ring;
        private final AtomicLong[] counts;

        @SuppressWarnings("unchecked")
        DisruptorBus(com.lmax.disruptor.WaitStrategy wait, int n) {
            disruptor = new Disruptor<>(Slot::new, CAPACITY, DAEMONS, ProducerType.MULTI, wait);
            counts = counters(n);
            EventHandler<Slot>[] handlers = new EventHandler[n];
            for (int i = 0; i < n; i++) {
                AtomicLong count = counts[i];
                handlers[i] = new EventHandler<>() {
                    private long seen;

                    @Override
                    public void onEvent(Slot e, long sequence, boolean endOfBatch) {
                        count.lazySet(++seen);
                    }
                };
            }
            disruptor.handleEventsWith(handlers);
            ring = disruptor.start();
        }

        @Override
        public void publish(Signal s) {
            ring.publishEvent((slot, seq, value) -> slot.value = value, s);
        }

        @Override
        public long slowest() {
            return SignalHubBenchmark.slowest(counts);
        }

        @Override
        public void close() {
            disruptor.halt();
        }
    }

    /** JDK SubmissionPublisher, one executor thread per subscriber. */
    /** A no-op event that makes SubmissionPublisher's consumer deliver an item it left behind. */
    private static final Signal KICK = new Signal("kick", 0L);

    private static final class SubmissionBus implements Bus {
        private final ExecutorService executor;
        private final SubmissionPublisher<Signal> publisher;
        private final AtomicLong[] counts;

        SubmissionBus(int n) {
            // A ForkJoinPool, the executor SubmissionPublisher is built for (its default is the common pool). With a
            // fixed thread pool its consumer tasks occasionally stopped being rescheduled here and the run hung.
            executor = new ForkJoinPool(n);
            publisher = new SubmissionPublisher<>(executor, CAPACITY);
            counts = counters(n);
            for (int i = 0; i < n; i++) {
                AtomicLong count = counts[i];
                publisher.subscribe(new Flow.Subscriber<>() {
                    private long seen;

                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(Signal item) {
                        if (item != KICK) {
                            count.lazySet(++seen);
                        }
                    }

                    @Override
                    public void onError(Throwable throwable) {
                    }

                    @Override
                    public void onComplete() {
                    }
                });
            }
        }

        @Override
        public void publish(Signal s) {
            publisher.submit(s);
        }

        @Override
        public void kick() {
            publisher.submit(KICK); // not counted; delivers an item the consumer left behind (see the class notes)
        }

        @Override
        public long slowest() {
            return SignalHubBenchmark.slowest(counts);
        }

        @Override
        public void close() throws InterruptedException {
            publisher.close();
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
