package io.theus.state.internal;

import io.theus.InvalidValueException;
import io.theus.state.Path;
import io.theus.state.Zone;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns values into immutable state values (S2): maps become {@link PersistentMap}s, lists and other non-set
 * collections become {@link PersistentVector}s, sets become unmodifiable JDK sets, leaves are checked. Values that
 * cannot be made immutable are refused with an {@link InvalidValueException} naming the path and the type. Values in
 * the HEAVY zone are kept by reference, untouched. Map keys are interned, like path segments, so that path lookups
 * find them by reference equality.
 *
 * <p>Immutable and thread-safe; the per-class verdicts are cached in a {@link ClassValue}.
 */
public final class Freezer {
    private enum Kind { LEAF, RECORD, OPTIONAL, IMMUTABLE_JDK_COLLECTION, MUTABLE }

    private static final Set<Class<?>> LEAF_TYPES = Set.of(
            String.class, Integer.class, Long.class, Double.class, Float.class, Short.class, Byte.class,
            Boolean.class, Character.class, BigDecimal.class, BigInteger.class, UUID.class);

    private final Set<Class<?>> extraImmutableTypes;
    private volatile boolean protectedKeys;
    private volatile boolean privateKeys;
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                try {
                    accessors[i].setAccessible(true);
                } catch (RuntimeException e) {
                    // not opened to us: invoking it will say so with the record's name
                }
            }
            return accessors;
        }
    };

    private final ClassValue<Kind> kinds = new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> type) {
            return classify(type);
        }
    };

    /**
     * Creates a freezer.
     *
     * @param extraImmutableTypes further classes the application vouches are immutable
     */
    public Freezer(Set<Class<?>> extraImmutableTypes) {
        this.extraImmutableTypes = Set.copyOf(extraImmutableTypes);
    }

    /**
     * Records that a key of a protected zone (CONSTANT, PRIVATE, LOG) exists in the state, so that wholesale writes
     * of maps must check the subtrees they replace. Until then those checks are skipped.
     */
    public void noteProtectedKey() {
        if (!protectedKeys) {
            protectedKeys = true;
        }
    }

    /**
     * Records the zone of a key seen in a value or path.
     *
     * @param zone the zone
     */
    public void noteZone(Zone zone) {
        if (zone == Zone.PRIVATE && !privateKeys) {
            privateKeys = true;
        }
        if (zone == Zone.CONSTANT || zone == Zone.PRIVATE || zone == Zone.LOG) {
            noteProtectedKey();
        }
    }

    /** {@return whether protected-zone keys may exist anywhere in the state} */
    public boolean mayHaveProtectedKeys() {
        return protectedKeys;
    }

    /** {@return whether PRIVATE keys may exist anywhere in the state} */
    public boolean mayHavePrivateKeys() {
        return privateKeys;
    }

    /**
     * Freezes a value bound for a path.
     *
     * @param value the value
     * @param path where it will be stored (for messages and zone decisions)
     * @param zone the zone of {@code path}
     * @return an immutable equivalent (the value itself when it already is one)
     * @throws InvalidValueException if it cannot be made immutable
     */
    public Object freeze(Object value, Path path, Zone zone) {
        if (path.size() == 1 && path.root().equals(Path.HEAVY_ROOT) && value instanceof Map<?, ?> entries
                && !(value instanceof PersistentMap<?, ?>)) {
            return heavyRoot(entries);
        }
        return freeze(value, path.toString(), zone, 0);
    }

    /**
     * The {@code heavy} root itself is a map like any root, so that {@code heavy.<key>} paths resolve; the values
     * under it are kept by reference.
     */
    private PersistentMap<String, Object> heavyRoot(Map<?, ?> entries) {
        PersistentMap.Builder<String, Object> b = PersistentMap.builder();
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new InvalidValueException(Path.HEAVY_ROOT, "the heavy root has a key of type "
                        + (e.getKey() == null ? "null" : e.getKey().getClass().getName()) + "; keys must be strings");
            }
            String where = Path.HEAVY_ROOT + "." + key;
            checkKey(key, where);
            b.put(key, freeze(e.getValue(), where, Zone.HEAVY, 1));
        }
        return b.build();
    }

    private Object freeze(Object value, String where, Zone zone, int depth) {
        if (value == null) {
            throw new InvalidValueException(where, "null cannot be stored at '" + where
                    + "': the state has no nulls, remove the key instead");
        }
        if (zone == Zone.HEAVY) {
            return value;
        }
        if (depth > 256) {
            throw new InvalidValueException(where, "value at '" + where + "' is nested more than 256 levels deep");
        }
        if (value instanceof PersistentMap<?, ?> || value instanceof PersistentVector<?>) {
            return value;
        }
        return switch (value) {
            case Map<?, ?> m -> freezeMap(m, where, zone, depth);
            case Set<?> s -> freezeSet(s, where, depth);
            case Collection<?> c -> freezeList(c, where, zone, depth);
            default -> checkLeaf(value, where, depth);
        };
    }

    private PersistentMap<String, Object> freezeMap(Map<?, ?> map, String where, Zone zone, int depth) {
        PersistentMap.Builder<String, Object> b = PersistentMap.builder();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new InvalidValueException(where, "map at '" + where + "' has a key of type "
                        + (e.getKey() == null ? "null" : e.getKey().getClass().getName())
                        + "; state map keys must be strings");
            }
            String child = where + "." + key;
            checkKey(key, child);
            Zone childZone = Zone.child(zone, key);
            if (childZone != zone) {
                noteZone(childZone);
            }
            if (childZone == Zone.SIGNAL && zone != Zone.SIGNAL) {
                throw new InvalidValueException(child, "'" + child + "' is a signal path; signals are transient "
                        + "and cannot be stored inside a map value, set or emit them instead");
            }
            b.put(key.intern(), freeze(e.getValue(), child, childZone, depth + 1));
        }
        return b.build();
    }

    private PersistentVector<Object> freezeList(Collection<?> list, String where, Zone zone, int depth) {
        PersistentVector.Builder<Object> b = PersistentVector.builder();
        int i = 0;
        for (Object element : list) {
            b.add(freeze(element, where + "." + i++, zone, depth + 1));
        }
        return b.build();
    }

    private Set<Object> freezeSet(Set<?> set, String where, int depth) {
        List<Object> frozen = new ArrayList<>(set.size());
        for (Object element : set) {
            frozen.add(freeze(element, where + ".<element>", Zone.DATA, depth + 1));
        }
        return Set.copyOf(frozen);
    }

    private static void checkKey(String key, String where) {
        try {
            Path.ofSegments(List.of(key));
        } catch (RuntimeException e) {
            throw new InvalidValueException(where, "map key '" + key + "' at '" + where
                    + "' cannot be used as a path segment (no dots, brackets, quotes or whitespace)");
        }
    }

    private Object checkLeaf(Object value, String where, int depth) {
        Kind kind = kinds.get(value.getClass());
        switch (kind) {
            case LEAF -> {
                return value;
            }
            case RECORD -> checkRecord((Record) value, where, depth);
            case OPTIONAL -> ((Optional<?>) value).ifPresent(v -> checkDeep(v, where + ".<optional>", depth + 1));
            case IMMUTABLE_JDK_COLLECTION, MUTABLE -> throw mutable(value, where);
        }
        return value;
    }

    private void checkRecord(Record record, String where, int depth) {
        for (Method accessor : ACCESSORS.get(record.getClass())) {
            Object v;
            try {
                v = accessor.invoke(record);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new InvalidValueException(where, "cannot read component '" + accessor.getName()
                        + "' of record " + record.getClass().getName() + " at '" + where + "': " + e);
            }
            if (v != null) {
                checkDeep(v, where + "." + accessor.getName(), depth + 1);
            }
        }
    }

    /** Checks, without copying, that a value nested in a record is deeply immutable. */
    private void checkDeep(Object value, String where, int depth) {
        if (depth > 256) {
            throw new InvalidValueException(where, "value at '" + where + "' is nested more than 256 levels deep");
        }
        if (value instanceof PersistentMap<?, ?> || value instanceof PersistentVector<?>) {
            return;
        }
        Kind kind = kinds.get(value.getClass());
        if (kind == Kind.IMMUTABLE_JDK_COLLECTION) {
            Iterable<?> items = value instanceof Map<?, ?> m ? m.entrySet() : (Collection<?>) value;
            for (Object item : items) {
                if (item instanceof Map.Entry<?, ?> e) {
                    checkDeep(e.getKey(), where + ".<key>", depth + 1);
                    checkDeep(e.getValue(), where + "." + e.getKey(), depth + 1);
                } else if (item != null) {
                    checkDeep(item, where + ".<element>", depth + 1);
                }
            }
            return;
        }
        checkLeaf(value, where, depth);
    }

    private static InvalidValueException mutable(Object value, String where) {
        String type = value.getClass().getName();
        String hint = value.getClass().isArray()
                ? "arrays are mutable: store a List, or put the array in the heavy zone"
                : value instanceof Collection<?> || value instanceof Map<?, ?>
                ? "inside records use immutable collections (List.copyOf, Map.copyOf)"
                : "use a record, an immutable JDK type, a registered immutable type, or the heavy zone";
        return new InvalidValueException(where, "value at '" + where + "' is a " + type
                + ", which is not immutable; " + hint);
    }

    private Kind classify(Class<?> type) {
        if (LEAF_TYPES.contains(type) || type.isEnum() || extraImmutableTypes.contains(type)
                || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
            return Kind.LEAF;
        }
        if (type.getPackageName().equals("java.time") && !type.isInterface()) {
            return Kind.LEAF; // every concrete java.time class is immutable and final
        }
        if (type.isRecord()) {
            return Kind.RECORD;
        }
        if (type == Optional.class) {
            return Kind.OPTIONAL;
        }
        if (type.getName().startsWith("java.util.ImmutableCollections$")) {
            return Kind.IMMUTABLE_JDK_COLLECTION;
        }
        return Kind.MUTABLE;
    }
}
