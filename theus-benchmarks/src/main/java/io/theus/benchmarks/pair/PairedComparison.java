package io.theus.benchmarks.pair;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A paired A/B comparison for development on a noisy machine: it loads two builds of the benchmarks jar (before and
 * after a change) into two class loaders of one JVM, warms both up, then times short batches of the same benchmark
 * method alternately (A then B, B then A, ...) and reports the median of the B/A ratios of adjacent batches. Noise
 * from other processes hits both sides of a pair alike, so the ratio stays stable where separate JMH runs swing by
 * a factor of two. It also compares two methods of one build (subject vs alternative) the same way.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.theus.benchmarks.pair.PairedComparison A B Class [param=value...]},
 * where {@code A} and {@code B} are {@code path/to/benchmarks.jar#method}; {@code Class} is the simple or full name
 * of a benchmark class. System properties {@code batch} (operations per batch, default 1 000), {@code rounds}
 * (pairs, default 400) and {@code warmup} (seconds, default 6) tune it.
 *
 * <p>It calls benchmark methods reflectively with fresh {@code @State} objects and a plain {@code Blackhole}, so
 * absolute numbers are not JMH numbers: use it for ratios only, and JMH for the record. Not thread-safe; a
 * command-line tool.
 */
public final class PairedComparison {
    private static final String BLACKHOLE_CHALLENGE =
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

    private PairedComparison() {
    }

    /** One side: a benchmark method bound to its instance and arguments. */
    private record Side(Object instance, Method method, Object[] args) {
        long time(int n) throws ReflectiveOperationException {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                method.invoke(instance, args);
            }
            return System.nanoTime() - t0;
        }
    }

    /**
     * Runs a comparison.
     *
     * @param args {@code jarA#method jarB#method Class [param=value...]}
     * @throws Exception if a jar, class or method cannot be loaded or run
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: PairedComparison before.jar#method after.jar#method BenchmarkClass [p=v...]");
            System.exit(2);
        }
        List<String> params = List.of(Arrays.copyOfRange(args, 3, args.length));
        Side a = load(args[0], args[2], params);
        Side b = load(args[1], args[2], params);
        int n = Integer.getInteger("batch", 1_000);
        int rounds = Integer.getInteger("rounds", 400);
        long end = System.nanoTime() + Long.getLong("warmup", 6) * 1_000_000_000L;
        while (System.nanoTime() < end) {
            a.time(n);
            b.time(n);
        }
        double[] ta = new double[rounds];
        double[] tb = new double[rounds];
        double[] ratio = new double[rounds];
        for (int k = 0; k < rounds; k++) {
            boolean aFirst = (k & 1) == 0;
            long x = aFirst ? a.time(n) : 0;
            long y = b.time(n);
            if (!aFirst) {
                x = a.time(n);
            }
            ta[k] = x / (double) n;
            tb[k] = y / (double) n;
            ratio[k] = tb[k] / ta[k];
        }
        Arrays.sort(ta);
        Arrays.sort(tb);
        Arrays.sort(ratio);
        System.out.printf(Locale.ROOT, "A %s: best %.1f, median %.1f ns/op%nB %s: best %.1f, median %.1f ns/op%n"
                        + "B/A: median %.3f (p25 %.3f, p75 %.3f) over %d pairs of %d-operation batches%n",
                args[0], ta[0], ta[rounds / 2], args[1], tb[0], tb[rounds / 2], ratio[rounds / 2],
                ratio[rounds / 4], ratio[3 * rounds / 4], rounds, n);
    }

    private static Side load(String spec, String className, List<String> params) throws Exception {
        int hash = spec.indexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException("expected jar#method, got " + spec);
        }
        URL jar = Path.of(spec.substring(0, hash)).toUri().toURL();
        ClassLoader loader = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        String name = className.contains(".") ? className : "io.theus.benchmarks." + className;
        Class<?> type = Class.forName(name, true, loader);
        @SuppressWarnings("unchecked")
        Class<? extends Annotation> setup = (Class<? extends Annotation>)
                Class.forName("org.openjdk.jmh.annotations.Setup", true, loader);
        Object instance = state(type, params, setup);
        for (Method m : type.getMethods()) {
            if (m.getName().equals(spec.substring(hash + 1))) {
                List<Object> args = new ArrayList<>();
                for (Class<?> p : m.getParameterTypes()) {
                    args.add(p.getSimpleName().equals("Blackhole")
                            ? p.getConstructor(String.class).newInstance(BLACKHOLE_CHALLENGE)
                            : state(p, params, setup));
                }
                return new Side(instance, m, args.toArray());
            }
        }
        throw new IllegalArgumentException("no method " + spec.substring(hash + 1) + " in " + name);
    }

    /** Creates a state object, sets the given {@code @Param} fields it has, and runs its {@code @Setup} methods. */
    private static Object state(Class<?> type, List<String> params, Class<? extends Annotation> setup)
            throws ReflectiveOperationException {
        Object o = type.getDeclaredConstructor().newInstance();
        for (String p : params) {
            String[] kv = p.split("=", 2);
            for (var f : type.getFields()) {
                if (f.getName().equals(kv[0])) {
                    f.set(o, f.getType() == int.class ? Integer.parseInt(kv[1]) : kv[1]);
                }
            }
        }
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(setup)) {
                m.invoke(o);
            }
        }
        return o;
    }
}
