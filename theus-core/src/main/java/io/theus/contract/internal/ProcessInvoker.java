package io.theus.contract.internal;

import io.theus.contract.Args;
import io.theus.contract.ProcessBody;
import io.theus.contract.ProcessContext;

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
