package io.theus.schema;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The type of a schema field, with the Java values it accepts.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum FieldType {
    /** A {@link String}. YAML: {@code string} or {@code str}. */
    STRING,
    /** A whole number: {@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code BigInteger}. YAML:
     *  {@code integer} or {@code int}. */
    INTEGER,
    /** Any number (whole numbers included, as in Python). YAML: {@code float} or {@code number}. */
    FLOAT,
    /** A {@link Boolean}. YAML: {@code boolean} or {@code bool}. */
    BOOLEAN,
    /** A {@link List}. YAML: {@code list}. */
    LIST,
    /** A {@link Map}. YAML: {@code dict}. */
    DICT,
    /** Any value (only the other constraints and {@code required} apply). YAML: {@code any}. */
    ANY;

    /** {@return the YAML name, e.g. {@code integer}} */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Looks a type up by its YAML name or alias, any case.
     *
     * @param name e.g. {@code integer}, {@code int}, {@code str}, {@code dict}
     * @return the type, if the name is known
     */
    public static Optional<FieldType> byName(String name) {
        return Optional.ofNullable(switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "string", "str" -> STRING;
            case "integer", "int" -> INTEGER;
            case "float", "number" -> FLOAT;
            case "boolean", "bool" -> BOOLEAN;
            case "list" -> LIST;
            case "dict" -> DICT;
            case "any" -> ANY;
            default -> null;
        });
    }
}
