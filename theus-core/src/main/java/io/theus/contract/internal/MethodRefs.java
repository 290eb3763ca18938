package io.theus.contract.internal;

import io.theus.ContractDefinitionException;
import io.theus.contract.ProcessRef;

import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells which method a {@link ProcessRef} method reference names, by asking the serializable lambda for its
 * {@link SerializedLambda} once per call site (cached per lambda class).
 *
 * <p>Thread-safe.
 */
public final class MethodRefs {
    private static final ClassValue<AtomicReference<Object>> METHODS = new ClassValue<>() {
        @Override
        protected AtomicReference<Object> computeValue(Class<?> lambdaClass) {
            return new AtomicReference<>();
        }
    };

    private MethodRefs() {
    }

    /**
     * Resolves a method reference.
     *
     * @param ref the reference
     * @return the referenced method
     * @throws ContractDefinitionException if it is a lambda or cannot be resolved
     */
    public static Method resolve(ProcessRef ref) {
        AtomicReference<Object> slot = METHODS.get(ref.getClass());
        Object r = slot.get();
        if (r == null) {
            r = resolveUncached(ref);
            slot.set(r);
        }
        if (r instanceof Method m) {
            return m;
        }
        throw new ContractDefinitionException(null, null, (String) r);
    }

    /**
     * Returns the receiver a bound instance-method reference captured ({@code processes::addProduct}).
     *
     * @param ref the reference
     * @return the receiver, or {@code null} for static-method references
     */
    public static Object capturedReceiver(ProcessRef ref) {
        SerializedLambda sl = serialized(ref);
        return sl != null && sl.getCapturedArgCount() == 1 ? sl.getCapturedArg(0) : null;
    }

    private static SerializedLambda serialized(ProcessRef ref) {
        try {
            Method writeReplace = ref.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return (SerializedLambda) writeReplace.invoke(ref);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Returns the method, or a message saying why there is none. */
    private static Object resolveUncached(ProcessRef ref) {
        Class<?> lambdaClass = ref.getClass();
        SerializedLambda sl = serialized(ref);
        if (sl == null) {
            return "cannot tell which method " + lambdaClass.getName() + " refers to; pass a method reference";
        }
        if (sl.getImplMethodName().startsWith("lambda$")) {
            return "a lambda was passed where a method reference to a @TheusProcess method is needed";
        }
        try {
            ClassLoader loader = lambdaClass.getClassLoader();
            Class<?> owner = Class.forName(sl.getImplClass().replace('/', '.'), false, loader);
            for (Method m : owner.getDeclaredMethods()) {
                if (m.getName().equals(sl.getImplMethodName()) && MethodType.methodType(m.getReturnType(),
                        m.getParameterTypes()).toMethodDescriptorString().equals(sl.getImplMethodSignature())) {
                    return m;
                }
            }
            return "method " + sl.getImplClass() + "." + sl.getImplMethodName() + " was not found";
        } catch (ClassNotFoundException e) {
            return "class " + sl.getImplClass() + " of a method reference was not found";
        }
    }
}
