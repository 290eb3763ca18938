package io.theus.flux.internal;

import io.theus.DefinitionException;
import io.theus.internal.yaml.YamlScalars;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Turns YAML scalars into values with the YAML 1.2 core schema: null, booleans, integers (decimal, {@code 0o}
 * octal, {@code 0x} hex; {@code Integer} when they fit, else {@code Long}, else {@code BigInteger}), floats
 * ({@code Double}, with {@code .inf} and {@code .nan}) and strings. Any other tag is refused: a workflow never
 * constructs Java objects from YAML.
 *
 * <p>Stateless and thread-safe.
 */
final class ScalarValues {
    private ScalarValues() {
    }

    /** Builds the error for a node. */
    @FunctionalInterface
    interface Failure {
        DefinitionException at(Node node, String problem, String expected);
    }

    static Object of(ScalarNode s, Failure fail) {
        Tag tag = s.getTag();
        String v = s.getValue();
        if (tag.equals(Tag.STR)) {
            return v;
        }
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            return v.toLowerCase(Locale.ROOT).equals("true");
        }
        if (tag.equals(Tag.INT)) {
            return integer(s, v, fail);
        }
        if (tag.equals(Tag.FLOAT)) {
            return floating(s, v, fail);
        }
        throw fail.at(s, "the tag " + tag.getValue() + " is not supported", "a plain value (text, number, "
                + "boolean, null), a list or a mapping");
    }

    private static Object integer(ScalarNode s, String v, Failure fail) {
        try {
            BigInteger n = YamlScalars.integer(v);
            if (n.bitLength() < 32) {
                return n.intValue();
            }
            return n.bitLength() < 64 ? (Object) n.longValue() : n;
        } catch (NumberFormatException e) {
            throw fail.at(s, "'" + v + "' is not an integer", "an integer");
        }
    }

    private static Object floating(ScalarNode s, String v, Failure fail) {
        String t = v.toLowerCase(Locale.ROOT);
        switch (t) {
            case ".inf", "+.inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-.inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case ".nan" -> {
                return Double.NaN;
            }
            default -> {
                try {
                    return Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw fail.at(s, "'" + v + "' is not a number", "a number");
                }
            }
        }
    }
}
