package io.theus.contract.internal;

import io.theus.ContractDefinitionException;
import io.theus.contract.Arg;
import io.theus.contract.Contract;
import io.theus.contract.Param;
import io.theus.contract.ProcessContext;
import io.theus.contract.ProcessInfo;
import io.theus.contract.ProcessSpec;
import io.theus.contract.TheusProcess;
import io.theus.state.internal.StateRules;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link ProcessDefinition}s from annotated methods and from {@link ProcessSpec}s, validating everything a
 * registration can get wrong: missing annotation, unbindable parameters, malformed contracts.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProcessDefinitions {
    private ProcessDefinitions() {
    }

    /**
     * Lists the annotated methods of a class (declared ones, any visibility), in a stable order.
     *
     * @param type the class
     * @return the {@link TheusProcess} methods
     */
    public static List<Method> annotatedMethods(Class<?> type) {
        List<Method> result = new ArrayList<>();
        for (Method m : type.getDeclaredMethods()) {
            if (m.isAnnotationPresent(TheusProcess.class) && !m.isSynthetic() && !m.isBridge()) {
                result.add(m);
            }
        }
        result.sort((a, b) -> a.toGenericString().compareTo(b.toGenericString()));
        return result;
    }

    /**
     * Creates a definition from an annotated method.
     *
     * @param method the method
     * @param target the receiver for an instance method; {@code null} to instantiate the class with its no-argument
     *               constructor
     * @param rules the engine's state rules
     * @param strictGuards whether strict guards are on
     * @return the definition
     * @throws ContractDefinitionException if the method cannot be a process
     */
    public static ProcessDefinition of(Method method, Object target, StateRules rules, boolean strictGuards) {
        TheusProcess ann = method.getAnnotation(TheusProcess.class);
        String where = method.getDeclaringClass().getName() + "#" + method.getName();
        if (ann == null) {
            throw new ContractDefinitionException(method.getName(), null, "method " + where
                    + " is not annotated with @TheusProcess");
        }
        String name = ann.name().isEmpty() ? method.getName() : ann.name();
        int ctxSlot = -1;
        List<Param> params = new ArrayList<>();
        Parameter[] ps = method.getParameters();
        for (int i = 0; i < ps.length; i++) {
            if (ps[i].getType() == ProcessContext.class) {
                if (ctxSlot >= 0) {
                    throw new ContractDefinitionException(name, null, "process '" + name + "' (" + where
                            + ") has more than one ProcessContext parameter");
                }
                ctxSlot = i;
            } else {
                params.add(param(name, where, ps[i]));
            }
        }
        Contract contract = Contract.of(ann);
        CompiledContract compiled = CompiledContract.compile(name, contract, rules, strictGuards);
        Object receiver = Modifier.isStatic(method.getModifiers()) ? null
                : target != null ? target : instantiate(name, method.getDeclaringClass());
        ProcessInvoker invoker;
        try {
            invoker = ProcessInvoker.of(method, receiver, ctxSlot);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new ContractDefinitionException(name, null, "process '" + name + "' (" + where
                    + ") cannot be invoked: " + e.getMessage());
        }
        ProcessInfo info = new ProcessInfo(name, contract, params, ann.returns(), where);
        return new ProcessDefinition(info, compiled, new ArgumentBinder(name, params, ctxSlot), invoker, method,
                rules);
    }

    /**
     * Creates a definition from a spec.
     *
     * @param spec the spec
     * @param rules the engine's state rules
     * @param strictGuards whether strict guards are on
     * @return the definition
     */
    public static ProcessDefinition of(ProcessSpec spec, StateRules rules, boolean strictGuards) {
        CompiledContract compiled = CompiledContract.compile(spec.name(), spec.contract(), rules, strictGuards);
        ProcessInfo info = new ProcessInfo(spec.name(), spec.contract(), spec.params(), spec.returns(),
                "ProcessSpec");
        List<String> names = spec.params().stream().map(Param::name).toList();
        return new ProcessDefinition(info, compiled, new ArgumentBinder(spec.name(), spec.params(), -1),
                new ProcessInvoker.OfBody(spec.body(), names), null, rules);
    }

    private static Param param(String process, String where, Parameter p) {
        Arg arg = p.getAnnotation(Arg.class);
        String name = arg != null && !arg.value().isEmpty() ? arg.value() : p.getName();
        if ((arg == null || arg.value().isEmpty()) && !p.isNamePresent()) {
            throw new ContractDefinitionException(process, null, "cannot bind parameter " + p.getName() + " of "
                    + where + " by name: compile with -parameters or name it with @Arg");
        }
        boolean optional = arg != null && arg.optional();
        if (optional && p.getType().isPrimitive()) {
            throw new ContractDefinitionException(process, null, "parameter '" + name + "' of " + where
                    + " is primitive and cannot be optional; use " + p.getType().getSimpleName() + "'s wrapper");
        }
        return new Param(name, p.getType(), optional);
    }

    private static Object instantiate(String process, Class<?> type) {
        try {
            Constructor<?> c = type.getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ContractDefinitionException(process, null, "process '" + process + "' is an instance method of "
                    + type.getName() + ", which has no usable no-argument constructor; register an instance instead ("
                    + e + ")");
        }
    }
}
