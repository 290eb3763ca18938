package io.theus.contract;

import java.util.Map;

/**
 * The arguments of one call of a {@link ProcessSpec}-defined process, already bound and converted to the declared
 * parameter types. Asking for an undeclared name is an error.
 *
 * <p>Immutable and thread-safe.
 */
public interface Args {

    /**
     * Returns an argument converted to its declared type.
     *
     * @param name a declared parameter
     * @param <T> the declared type
     * @return the value, or {@code null} for an omitted optional parameter
     * @throws IllegalArgumentException if no parameter has that name
     */
    <T> T get(String name);

    /**
     * Returns an {@code int} argument.
     *
     * @param name a declared parameter
     * @return the value
     */
    default int getInt(String name) {
        return this.<Number>get(name).intValue();
    }

    /**
     * Returns a {@code long} argument.
     *
     * @param name a declared parameter
     * @return the value
     */
    default long getLong(String name) {
        return this.<Number>get(name).longValue();
    }

    /**
     * Returns a {@code String} argument.
     *
     * @param name a declared parameter
     * @return the value
     */
    default String getString(String name) {
        return get(name);
    }

    /** {@return every bound argument by name (omitted optional ones are absent)} */
    Map<String, Object> asMap();
}
