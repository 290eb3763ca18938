package io.theus.contract.internal;

import io.theus.internal.Spelling;
import io.theus.ContractDefinitionException;
import io.theus.UnknownProcessException;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The processes registered on one engine, by name and by method.
 *
 * <p>Thread-safe. Registrations are all-or-nothing per batch; {@code this} guards batches (lookups are lock-free).
 */
public final class ProcessRegistry {
    private final ConcurrentHashMap<String, ProcessDefinition> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Method, ProcessDefinition> byMethod = new ConcurrentHashMap<>();

    /**
     * Registers a batch: either every definition is added or none is.
     *
     * @param defs the definitions
     * @throws ContractDefinitionException if a name is already taken or repeated in the batch
     */
    public synchronized void registerAll(List<ProcessDefinition> defs) {
        Set<String> names = new HashSet<>();
        for (ProcessDefinition d : defs) {
            if (byName.containsKey(d.name()) || !names.add(d.name())) {
                ProcessDefinition existing = byName.get(d.name());
                throw new ContractDefinitionException(d.name(), null, "a process named '" + d.name()
                        + "' is already registered (" + (existing == null ? "in the same batch"
                        : existing.info().source()) + "); process names must be unique");
            }
        }
        for (ProcessDefinition d : defs) {
            byName.put(d.name(), d);
            if (d.method() != null) {
                byMethod.put(d.method(), d);
            }
        }
    }

    /**
     * Finds a process by name.
     *
     * @param name the name
     * @return the definition
     * @throws UnknownProcessException if none, suggesting close names
     */
    public ProcessDefinition get(String name) {
        ProcessDefinition d = byName.get(name);
        if (d == null) {
            throw unknown(name);
        }
        return d;
    }

    /**
     * Finds a process by method.
     *
     * @param method the method
     * @return the definition, or {@code null}
     */
    public ProcessDefinition get(Method method) {
        return byMethod.get(method);
    }

    /** {@return every definition, sorted by name} */
    public List<ProcessDefinition> all() {
        List<ProcessDefinition> list = new ArrayList<>(byName.values());
        list.sort(Comparator.comparing(ProcessDefinition::name));
        return list;
    }

    private UnknownProcessException unknown(String name) {
        String n = normalise(name);
        List<String> close = byName.keySet().stream()
                .filter(k -> normalise(k).equals(n) || Spelling.distance(normalise(k), n) <= 2).sorted().limit(3).toList();
        return new UnknownProcessException(name, "no process named '" + name + "' is registered"
                + (close.isEmpty() ? "" : "; did you mean " + close + "?"));
    }

    private static String normalise(String s) {
        return s.replace("_", "").toLowerCase(Locale.ROOT);
    }

}
