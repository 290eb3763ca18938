package io.theus.state.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Lossless conversions between the value types a state tree holds and the types callers ask for: widening and
 * exact narrowing of numbers, {@link BigDecimal} from any number, enums from their names. Anything lossy or
 * surprising (number to string, string to number) is refused.
 *
 * <p>Stateless and thread-safe.
 */
public final class Conversions {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            int.class, Integer.class, long.class, Long.class, double.class, Double.class,
            float.class, Float.class, short.class, Short.class, byte.class, Byte.class,
            boolean.class, Boolean.class, char.class, Character.class);

    private Conversions() {
    }

    /** Thrown when a value cannot be converted; callers turn it into a domain exception with context. */
    public static final class Impossible extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Impossible() {
            super(null, null, false, false);
        }
    }

    private static final Impossible IMPOSSIBLE = new Impossible();

    /**
     * Returns the wrapper class of a primitive type, or the type itself.
     *
     * @param type any class
     * @return its boxed form
     */
    public static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? BOXES.get(type) : type;
    }

    /**
     * Converts a non-null value to a target type without loss.
     *
     * @param value the value, not {@code null}
     * @param target the requested type (primitive types mean their wrappers)
     * @param <T> the requested type
     * @return the converted value
     * @throws Impossible if no lossless conversion exists
     */
    @SuppressWarnings("unchecked")
    public static <T> T convert(Object value, Class<T> target) {
        Class<?> boxed = box(target);
        if (boxed.isInstance(value)) {
            return (T) value;
        }
        return (T) convertSlow(value, boxed);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convertSlow(Object value, Class<?> target) {
        if (value instanceof Number n) {
            Object r = number(n, target);
            if (r != null) {
                return r;
            }
        } else if (target.isEnum() && value instanceof String s) {
            try {
                return Enum.valueOf((Class) target, s);
            } catch (IllegalArgumentException e) {
                throw IMPOSSIBLE;
            }
        } else if (target == Character.class && value instanceof String s && s.length() == 1) {
            return s.charAt(0);
        }
        throw IMPOSSIBLE;
    }

    private static Object number(Number n, Class<?> target) {
        if (target == Long.class) {
            return exactLong(n);
        }
        if (target == Integer.class) {
            long v = exactLong(n);
            return v == (int) v ? Integer.valueOf((int) v) : fail();
        }
        if (target == Short.class) {
            long v = exactLong(n);
            return v == (short) v ? Short.valueOf((short) v) : fail();
        }
        if (target == Byte.class) {
            long v = exactLong(n);
            return v == (byte) v ? Byte.valueOf((byte) v) : fail();
        }
        if (target == Double.class) {
            return n.doubleValue();
        }
        if (target == Float.class) {
            return n.floatValue();
        }
        if (target == BigDecimal.class) {
            return decimal(n);
        }
        if (target == BigInteger.class) {
            try {
                return decimal(n).toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw IMPOSSIBLE;
            }
        }
        if (target == Number.class || target == Object.class) {
            return n;
        }
        return null;
    }

    private static BigDecimal decimal(Number n) {
        return switch (n) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Double d when !d.isNaN() && !d.isInfinite() -> BigDecimal.valueOf(d);
            case Float f when !f.isNaN() && !f.isInfinite() -> new BigDecimal(f.toString());
            case Double d -> fail();
            case Float f -> fail();
            default -> BigDecimal.valueOf(n.longValue());
        };
    }

    private static long exactLong(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        try {
            return decimal(n).longValueExact();
        } catch (ArithmeticException e) {
            throw IMPOSSIBLE;
        }
    }

    private static <T> T fail() {
        throw IMPOSSIBLE;
    }

    /**
     * Converts a value to an exact decimal, for rule and schema checks that compare numbers of any type by value.
     *
     * @param value any value
     * @return the number, or {@code null} if the value is not a finite number
     */
    public static BigDecimal decimalOrNull(Object value) {
        return switch (value) {
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case BigDecimal d -> d;
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case BigInteger i -> new BigDecimal(i);
            case Double d when Double.isFinite(d) -> BigDecimal.valueOf(d);
            case Float f when Float.isFinite(f) -> new BigDecimal(Float.toString(f));
            case null, default -> null;
        };
    }

    /**
     * Measures a value for length rules: code points of a string, entries of a collection or map, elements of an
     * array.
     *
     * @param value any value
     * @return the length, or -1 if the value has none
     */
    public static int lengthOf(Object value) {
        return switch (value) {
            case CharSequence s -> Character.codePointCount(s, 0, s.length());
            case java.util.Collection<?> c -> c.size();
            case Map<?, ?> m -> m.size();
            case null -> -1;
            default -> value.getClass().isArray() ? java.lang.reflect.Array.getLength(value) : -1;
        };
    }

    /**
     * Describes a value for error messages: its type and a bounded rendering.
     *
     * @param value any value or {@code null}
     * @return e.g. {@code String "abc"} or {@code null}
     */
    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value instanceof String str ? "\"" + str + "\"" : String.valueOf(value);
        if (s.length() > 60) {
            s = s.substring(0, 57) + "...";
        }
        return value.getClass().getSimpleName() + " " + s;
    }
}
