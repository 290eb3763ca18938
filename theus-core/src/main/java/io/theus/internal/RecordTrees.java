package io.theus.internal;

import io.theus.InvalidValueException;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts a typed context (records of records) into the map form of a state tree: each record becomes a map from
 * component name to value, recursively. Other values are left for the freezer.
 *
 * <p>Stateless and thread-safe.
 */
public final class RecordTrees {
    private RecordTrees() {
    }

    /**
     * Converts a record.
     *
     * @param record the record
     * @return component name to value, nested records as maps
     */
    public static Map<String, Object> toMap(Record record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent rc : record.getClass().getRecordComponents()) {
            Object value;
            try {
                rc.getAccessor().setAccessible(true);
                value = rc.getAccessor().invoke(record);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new InvalidValueException(rc.getName(), "cannot read component '" + rc.getName()
                        + "' of " + record.getClass().getName() + ": " + e);
            }
            if (value != null) {
                map.put(rc.getName(), value instanceof Record r ? toMap(r) : value);
            }
        }
        return map;
    }
}
