package io.theus.state;

import io.theus.ValueTypeException;
import io.theus.state.internal.Conversions;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to a state tree by path. Maps and lists handed out are immutable; so are leaf values (except heavy
 * values, which are shared by reference).
 *
 * <p>Typed getters convert without loss (an {@code Integer} can be read with {@link #getLong}, a whole
 * {@code Long} with {@link #getInt} when it fits) and raise {@link ValueTypeException} when the value is absent or
 * cannot be converted.
 *
 * <p>Thread safety is that of the implementation: snapshots are thread-safe, process contexts belong to the thread
 * running the process.
 */
public interface StateReader {

    /**
     * Reads the value at a path.
     *
     * @param path dotted or bracket path
     * @return the value, or {@code null} if absent
     */
    Object get(String path);

    /**
     * Reads the value at a path, if present.
     *
     * @param path dotted or bracket path
     * @return the value
     */
    default Optional<Object> find(String path) {
        return Optional.ofNullable(get(path));
    }

    /**
     * Tells whether a value exists at a path.
     *
     * @param path dotted or bracket path
     * @return {@code true} if present
     */
    default boolean contains(String path) {
        return get(path) != null;
    }

    /**
     * Reads and converts the value at a path.
     *
     * @param path dotted or bracket path
     * @param type the requested type
     * @param <T> the requested type
     * @return the converted value, or {@code null} if absent
     * @throws ValueTypeException if the value cannot be converted
     */
    default <T> T get(String path, Class<T> type) {
        Object value = get(path);
        if (value == null) {
            return null;
        }
        try {
            return Conversions.convert(value, type);
        } catch (Conversions.Impossible e) {
            throw new ValueTypeException(path, "value at '" + path + "' is " + Conversions.describe(value)
                    + ", which is not convertible to " + type.getSimpleName());
        }
    }

    /**
     * Reads a required value of a type.
     *
     * @param path dotted or bracket path
     * @param type the requested type
     * @param <T> the requested type
     * @return the converted value, never {@code null}
     * @throws ValueTypeException if the value is absent or cannot be converted
     */
    default <T> T require(String path, Class<T> type) {
        T value = get(path, type);
        if (value == null) {
            throw new ValueTypeException(path, "expected " + type.getSimpleName() + " at '" + path
                    + "' but there is no value");
        }
        return value;
    }

    /**
     * Reads an {@code int}.
     *
     * @param path dotted or bracket path
     * @return the value
     * @throws ValueTypeException if absent or not an exact {@code int}
     */
    default int getInt(String path) {
        return require(path, Integer.class);
    }

    /**
     * Reads a {@code long}.
     *
     * @param path dotted or bracket path
     * @return the value
     * @throws ValueTypeException if absent or not an exact {@code long}
     */
    default long getLong(String path) {
        return require(path, Long.class);
    }

    /**
     * Reads a {@code double}.
     *
     * @param path dotted or bracket path
     * @return the value
     * @throws ValueTypeException if absent or not a number
     */
    default double getDouble(String path) {
        return require(path, Double.class);
    }

    /**
     * Reads a {@code boolean}.
     *
     * @param path dotted or bracket path
     * @return the value
     * @throws ValueTypeException if absent or not a boolean
     */
    default boolean getBoolean(String path) {
        return require(path, Boolean.class);
    }

    /**
     * Reads a string.
     *
     * @param path dotted or bracket path
     * @return the value
     * @throws ValueTypeException if absent or not a string
     */
    default String getString(String path) {
        return require(path, String.class);
    }

    /**
     * Reads a decimal (any number converts).
     *
     * @param path dotted or bracket path
     * @return the value
     * @throws ValueTypeException if absent or not a finite number
     */
    default BigDecimal getDecimal(String path) {
        return require(path, BigDecimal.class);
    }

    /**
     * Reads an immutable map.
     *
     * @param path dotted or bracket path
     * @return the map
     * @throws ValueTypeException if absent or not a map
     */
    @SuppressWarnings("unchecked")
    default Map<String, Object> getMap(String path) {
        return require(path, Map.class);
    }

    /**
     * Reads an immutable list.
     *
     * @param path dotted or bracket path
     * @return the list
     * @throws ValueTypeException if absent or not a list
     */
    @SuppressWarnings("unchecked")
    default List<Object> getList(String path) {
        return require(path, List.class);
    }
}
