package io.theus.contract.internal;

import io.theus.contract.Args;
import io.theus.contract.ProcessBody;
import io.theus.contract.ProcessContext;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls a process body with its context and bound arguments.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface ProcessInvoker {

    /**
     * Invokes the body.
     *
     * @param ctx the guarded context
     * @param bound the invocation array from the binder (the context slot is filled here)
     * @return the body's return value ({@code null} for void methods)
     * @throws Throwable whatever the body throws
     */
    Object invoke(ProcessContext ctx, Object[] bound) throws Throwable;

    /**
     * Creates an invoker for a method.
     *
     * @param method the method
     * @param target the receiver for instance methods, or {@code null}
     * @param ctxSlot the parameter index of the context, or -1
     * @return the invoker
     * @throws IllegalAccessException if the method cannot be accessed
     */
    static ProcessInvoker of(Method method, Object target, int ctxSlot) throws IllegalAccessException {
        if (!Modifier.isPublic(method.getModifiers()) || !Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            method.setAccessible(true);
        }
        MethodHandle mh = MethodHandles.lookup().unreflect(method);
        if (!Modifier.isStatic(method.getModifiers())) {
            mh = mh.bindTo(target);
        }
        ProcessInvoker spun = OfLambda.spin(method, target, ctxSlot);
        if (spun != null) {
            return spun;
        }
        mh = mh.asSpreader(Object[].class, method.getParameterCount())
                .asType(MethodType.methodType(Object.class, Object[].class));
        return new OfMethod(mh, ctxSlot);
    }

    /** Invokes a method through a spreading method handle. */
    record OfMethod(MethodHandle handle, int ctxSlot) implements ProcessInvoker {
        @Override
        public Object invoke(ProcessContext ctx, Object[] bound) throws Throwable {
            if (ctxSlot >= 0) {
                bound[ctxSlot] = ctx;
            }
            return (Object) handle.invokeExact(bound);
        }
    }

    /**
     * Invokes a method through a small class spun by {@link LambdaMetafactory} that calls it directly, for methods
     * that return a value and take at most four parameters. Calling a method handle held in a field runs a chain of
     * lambda forms the JIT cannot inline through (a spreader, a type adapter, the direct handle); the spun class is
     * an ordinary call (row 2 of {@code docs/benchmarks.md}). Other methods use {@link OfMethod}.
     *
     * @param fn the spun function: one of {@link Call0} .. {@link Call4}
     * @param arity the method's parameter count
     * @param ctxSlot the parameter index of the context, or -1
     */
    record OfLambda(Object fn, int arity, int ctxSlot) implements ProcessInvoker {
        private static final Class<?>[] SHAPES = {Call0.class, Call1.class, Call2.class, Call3.class, Call4.class};

        @Override
        public Object invoke(ProcessContext ctx, Object[] b) throws Throwable {
            if (ctxSlot >= 0) {
                b[ctxSlot] = ctx;
            }
            return switch (arity) {
                case 0 -> ((Call0) fn).call();
                case 1 -> ((Call1) fn).call(b[0]);
                case 2 -> ((Call2) fn).call(b[0], b[1]);
                case 3 -> ((Call3) fn).call(b[0], b[1], b[2]);
                default -> ((Call4) fn).call(b[0], b[1], b[2], b[3]);
            };
        }

        /**
         * Spins a direct caller for a method, if its shape allows and the method's class grants the access.
         *
         * @return the invoker, or {@code null} to fall back to a method handle
         */
        static ProcessInvoker spin(Method method, Object target, int ctxSlot) {
            int arity = method.getParameterCount();
            if (arity >= SHAPES.length || method.getReturnType() == void.class) {
                return null;
            }
            try {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(method.getDeclaringClass(),
                        MethodHandles.lookup());
                MethodHandle impl = lookup.unreflect(method);
                boolean instance = !Modifier.isStatic(method.getModifiers());
                Class<?> shape = SHAPES[arity];
                MethodType erased = MethodType.genericMethodType(arity);
                MethodType exact = impl.type().dropParameterTypes(0, instance ? 1 : 0).wrap();
                MethodType factory = instance ? MethodType.methodType(shape, method.getDeclaringClass())
                        : MethodType.methodType(shape);
                MethodHandle make = LambdaMetafactory.metafactory(lookup, "call", factory, erased, impl, exact)
                        .getTarget();
                Object fn = instance ? make.invoke(target) : make.invoke();
                return new OfLambda(fn, arity, ctxSlot);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                return null; // no private access to the class (e.g. a closed module): the method handle path works
            }
        }
    }

    /** A spun caller of a method without parameters. */
    @FunctionalInterface
    interface Call0 {
        /**
         * Calls the method.
         *
         * @return its result
         * @throws Throwable whatever it throws
         */
        Object call() throws Throwable;
    }

    /** A spun caller of a method with one parameter. */
    @FunctionalInterface
    interface Call1 {
        /**
         * Calls the method.
         *
         * @param a the argument
         * @return its result
         * @throws Throwable whatever it throws
         */
        Object call(Object a) throws Throwable;
    }

    /** A spun caller of a method with two parameters. */
    @FunctionalInterface
    interface Call2 {
        /**
         * Calls the method.
         *
         * @param a the first argument
         * @param b the second argument
         * @return its result
         * @throws Throwable whatever it throws
         */
        Object call(Object a, Object b) throws Throwable;
    }

    /** A spun caller of a method with three parameters. */
    @FunctionalInterface
    interface Call3 {
        /**
         * Calls the method.
         *
         * @param a the first argument
         * @param b the second argument
         * @param c the third argument
         * @return its result
         * @throws Throwable whatever it throws
         */
        Object call(Object a, Object b, Object c) throws Throwable;
    }

    /** A spun caller of a method with four parameters. */
    @FunctionalInterface
    interface Call4 {
        /**
         * Calls the method.
         *
         * @param a the first argument
         * @param b the second argument
         * @param c the third argument
         * @param d the fourth argument
         * @return its result
         * @throws Throwable whatever it throws
         */
        Object call(Object a, Object b, Object c, Object d) throws Throwable;
    }

    /**
     * Invokes a {@link ProcessBody} with an {@link Args} view of the bound values.
     *
     * @param body the body
     * @param names parameter names in order
     */
    record OfBody(ProcessBody body, List<String> names) implements ProcessInvoker {
        @Override
        public Object invoke(ProcessContext ctx, Object[] bound) throws Exception {
            return body.run(ctx, new BoundArgs(names, bound));
        }
    }

    /** The {@link Args} of one call. */
    final class BoundArgs implements Args {
        private final List<String> names;
        private final Object[] values;

        BoundArgs(List<String> names, Object[] values) {
            this.names = names;
            this.values = values;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get(String name) {
            int i = names.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no parameter '" + name + "'; parameters are " + names);
            }
            return (T) values[i];
        }

        @Override
        public Map<String, Object> asMap() {
            Map<String, Object> m = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (values[i] != null) {
                    m.put(names.get(i), values[i]);
                }
            }
            return Map.copyOf(m);
        }
    }
}
