package io.theus.contract.internal;

import io.theus.ArgumentBindingException;
import io.theus.contract.Param;
import io.theus.state.internal.Conversions;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds call arguments to a process's parameters (C5): by name (the declared name or its snake_case form), converted
 * without loss to the parameter type. Missing required arguments, unknown names and unconvertible values are errors
 * that name the process, the argument and the value; nothing is silently dropped.
 *
 * <p>The bound array has one slot per invocation parameter; the context slot, if any, is left for the invoker.
 *
 * <p>Immutable and thread-safe.
 */
public final class ArgumentBinder {
    private final String process;
    private final Param[] params;
    private final int[] slots;
    private final int arity;
    private final Map<String, Integer> byName;

    /**
     * Creates a binder.
     *
     * @param process the process name
     * @param params the named parameters in declaration order
     * @param ctxSlot the invocation slot of the context parameter, or -1
     */
    public ArgumentBinder(String process, List<Param> params, int ctxSlot) {
        this.process = process;
        this.params = params.toArray(Param[]::new);
        this.arity = this.params.length + (ctxSlot >= 0 ? 1 : 0);
        this.slots = new int[this.params.length];
        this.byName = new HashMap<>();
        for (int i = 0; i < this.params.length; i++) {
            slots[i] = ctxSlot >= 0 && i >= ctxSlot ? i + 1 : i;
            byName.put(this.params[i].name(), i);
        }
        for (int i = 0; i < this.params.length; i++) {
            byName.putIfAbsent(snakeCase(this.params[i].name()), i);
        }
    }

    /**
     * Converts a camelCase name to snake_case.
     *
     * @param name e.g. {@code productName}
     * @return e.g. {@code product_name}
     */
    public static String snakeCase(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                sb.append('_');
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    /**
     * Binds named arguments.
     *
     * @param args argument name to value
     * @return the invocation array
     * @throws ArgumentBindingException on a missing, unknown or mistyped argument
     */
    public Object[] bind(Map<String, ?> args) {
        Object[] out = new Object[arity];
        if (args.isEmpty()) {
            checkMissing(out);
            return out;
        }
        boolean[] seen = new boolean[params.length];
        for (Map.Entry<String, ?> e : args.entrySet()) {
            Integer index = byName.get(e.getKey());
            if (index == null) {
                throw new ArgumentBindingException(process, e.getKey(), "process '" + process
                        + "' has no parameter '" + e.getKey() + "'; its parameters are " + names());
            }
            if (seen[index]) {
                throw new ArgumentBindingException(process, e.getKey(), "argument '" + params[index].name()
                        + "' of process '" + process + "' is given twice (as '" + e.getKey() + "' and another form)");
            }
            seen[index] = true;
            out[slots[index]] = convert(params[index], e.getValue());
        }
        checkMissing(out);
        return out;
    }

    /**
     * Binds positional arguments (for method references).
     *
     * @param args one value per parameter, in order
     * @return the invocation array
     * @throws ArgumentBindingException on a wrong count or a mistyped argument
     */
    public Object[] bindPositional(Object[] args) {
        if (args.length != params.length) {
            throw new ArgumentBindingException(process, null, "process '" + process + "' takes " + params.length
                    + " arguments " + names() + ", got " + args.length);
        }
        Object[] out = new Object[arity];
        for (int i = 0; i < params.length; i++) {
            out[slots[i]] = convert(params[i], args[i]);
        }
        checkMissing(out);
        return out;
    }

    private void checkMissing(Object[] out) {
        for (int i = 0; i < params.length; i++) {
            if (out[slots[i]] == null && !params[i].optional()) {
                throw new ArgumentBindingException(process, params[i].name(), "process '" + process
                        + "' is missing required argument '" + params[i].name() + "' ("
                        + params[i].type().getSimpleName() + ")");
            }
        }
    }

    private Object convert(Param p, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Conversions.convert(value, p.type());
        } catch (Conversions.Impossible e) {
            throw new ArgumentBindingException(process, p.name(), "argument '" + p.name() + "' of process '"
                    + process + "' must be " + p.type().getSimpleName() + ", got " + Conversions.describe(value));
        }
    }

    /**
     * Names the bound values (omitted optional arguments are left out).
     *
     * @param bound an invocation array from {@link #bind} or {@link #bindPositional}
     * @return argument name to value, in declaration order
     */
    public Map<String, Object> named(Object[] bound) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i++) {
            Object v = bound[slots[i]];
            if (v != null) {
                m.put(params[i].name(), v);
            }
        }
        return m;
    }

    private List<String> names() {
        return java.util.Arrays.stream(params).map(Param::name).toList();
    }
}
