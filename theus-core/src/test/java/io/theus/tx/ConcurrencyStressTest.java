package io.theus.tx;

import io.theus.TheusEngine;
import io.theus.contract.ProcessSpec;
import io.theus.contract.ReturnMapping;
import io.theus.state.StateSnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyStressTest {
    private static final int THREADS = 8;

    private static void runAll(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<Void> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eightThreadsTimesTwentyThousandIncrementsEndExactlyAtOneHundredSixtyThousand() throws Exception {
        int perThread = 20_000;
        try (TheusEngine engine = TheusEngine.builder()
                .initialState(Map.of("domain", Map.of("counter", 0, "noise", 0))).build()) {
            engine.register(ProcessSpec.builder("increment").outputs("domain.counter").body((ctx, args) ->
                    ctx.getInt("domain.counter") + 1).build());
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        engine.execute("increment");
                    }
                    return null;
                });
            }
            runAll(tasks);
            assertThat(engine.state().getInt("domain.counter")).isEqualTo(THREADS * perThread);
            assertThat(engine.state().version()).isEqualTo(1 + THREADS * perThread);
        }
    }

    @Test
    void concurrentRandomTransfersConserveTheTotalInEverySnapshot() throws Exception {
        int accounts = 10;
        long initial = 1_000;
        Map<String, Object> balances = new HashMap<>();
        for (int i = 0; i < accounts; i++) {
            balances.put("acc" + i, initial);
        }
        try (TheusEngine engine = TheusEngine.builder()
                .initialState(Map.of("domain", Map.of("accounts", balances))).build()) {
            engine.register(ProcessSpec.builder("transfer").outputs("domain.accounts.*")
                    .param("from", String.class).param("to", String.class).param("amount", long.class)
                    .returns(ReturnMapping.RESULT).body((ctx, args) -> {
                        String from = "domain.accounts." + args.getString("from");
                        String to = "domain.accounts." + args.getString("to");
                        long amount = args.getLong("amount");
                        long fromBalance = ctx.getLong(from);
                        if (fromBalance < amount) {
                            throw new IllegalStateException("insufficient");
                        }
                        ctx.set(from, fromBalance - amount);
                        ctx.update(to, Long.class, b -> b + amount);
                        return null;
                    }).errors(IllegalStateException.class).build());
            AtomicBoolean running = new AtomicBoolean(true);
            List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS - 1; t++) {
                long seed = t;
                tasks.add(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int i = 0; i < 5_000; i++) {
                        int a = random.nextInt(accounts);
                        int b = (a + 1 + random.nextInt(accounts - 1)) % accounts;
                        try {
                            engine.execute("transfer", Map.of("from", "acc" + a, "to", "acc" + b,
                                    "amount", random.nextLong(1, 300)));
                        } catch (IllegalStateException insufficient) {
                            // refused transfers change nothing
                        }
                    }
                    return null;
                });
            }
            tasks.add(() -> {
                long lastVersion = -1;
                int checks = 0;
                while (running.get() || checks == 0) {
                    StateSnapshot s = engine.state();
                    if (s.version() != lastVersion) {
                        long sum = s.getMap("domain.accounts").values().stream().mapToLong(v -> (Long) v).sum();
                        if (sum != accounts * initial) {
                            violations.add("version " + s.version() + " sums to " + sum);
                        }
                        lastVersion = s.version();
                        checks++;
                    }
                    Thread.onSpinWait();
                }
                return null;
            });
            List<Callable<Void>> writers = tasks.subList(0, THREADS - 1);
            Callable<Void> reader = tasks.get(THREADS - 1);
            List<Callable<Void>> all = new ArrayList<>(writers.size() + 1);
            for (Callable<Void> w : writers) {
                all.add(() -> {
                    try {
                        return w.call();
                    } finally {
                        running.set(false);
                    }
                });
            }
            all.add(reader);
            runAll(all);
            assertThat(violations).isEmpty();
            long total = engine.state().getMap("domain.accounts").values().stream().mapToLong(v -> (Long) v).sum();
            assertThat(total).isEqualTo(accounts * initial);
        }
    }
}
