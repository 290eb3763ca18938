package io.theus.internal.yaml;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Scalar conversions and node descriptions for {@link YamlDocument} and the Flux argument values.
 *
 * <p>Stateless and thread-safe.
 */
public final class YamlScalars {
    private YamlScalars() {
    }

    /**
     * Reads the text of a YAML 1.2 core-schema integer: decimal with an optional sign, {@code 0x} hexadecimal or
     * {@code 0o} octal (either after an optional {@code +}).
     *
     * @param text the scalar's text
     * @return its value
     * @throws NumberFormatException if the text is not such an integer
     */
    public static BigInteger integer(String text) {
        String digits = text.startsWith("+") ? text.substring(1) : text;
        if (digits.startsWith("0x")) {
            return new BigInteger(digits.substring(2), 16);
        }
        if (digits.startsWith("0o")) {
            return new BigInteger(digits.substring(2), 8);
        }
        return new BigInteger(digits);
    }

    /**
     * Reads a number scalar (integers as {@link #integer}; finite floats).
     *
     * @param s the scalar
     * @return its exact value, or {@code null} if it is not a finite number
     */
    static BigDecimal number(ScalarNode s) {
        String text = s.getValue();
        try {
            if (Tag.INT.equals(s.getTag())) {
                return new BigDecimal(integer(text));
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (Tag.FLOAT.equals(s.getTag()) && !lower.contains("inf") && !lower.contains("nan")) {
                return new BigDecimal(text);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    /**
     * Describes a node for error messages.
     *
     * @param node the node
     * @return e.g. {@code a mapping}, {@code the string "abc"}, {@code the number 12}
     */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode s) {
            Tag tag = node.getTag();
            String v = s.getValue().length() > 40 ? s.getValue().substring(0, 37) + "..." : s.getValue();
            if (Tag.NULL.equals(tag)) {
                return "empty (null)";
            }
            if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
                return "the number " + v;
            }
            if (Tag.BOOL.equals(tag)) {
                return "the boolean " + v;
            }
            return "the string \"" + v + "\"";
        }
        return "an unsupported node";
    }
}
