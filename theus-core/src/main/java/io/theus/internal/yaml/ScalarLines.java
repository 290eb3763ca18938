package io.theus.internal.yaml;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.function.IntFunction;

/**
 * Maps an offset in a scalar's value back to a line and column of the document (so that an error inside a value,
 * such as a bad token in a Flux condition, points at the character). Exact for scalars written on one line (plain or
 * quoted, ignoring escape sequences) and for literal blocks ({@code |}); other styles (folded, multi-line plain)
 * report the start of the scalar.
 *
 * <p>Not thread-safe; one per document (the document's lines are split lazily).
 */
final class ScalarLines {
    private final String text;
    private String[] lines;

    ScalarLines(String text) {
        this.text = text;
    }

    /**
     * Builds the mapping of one scalar.
     *
     * @param s the scalar node
     * @return offset in the value to position in the document
     */
    IntFunction<Position> positions(ScalarNode s) {
        Position start = Position.of(s.getStartMark());
        String value = s.getValue();
        ScalarStyle style = s.getScalarStyle();
        boolean oneLine = start.line() > 0 && value.indexOf('\n') < 0
                && s.getEndMark().map(e -> e.getLine() + 1 == start.line()).orElse(false);
        if (oneLine && (style == ScalarStyle.PLAIN || style == ScalarStyle.SINGLE_QUOTED
                || style == ScalarStyle.DOUBLE_QUOTED)) {
            int shift = style == ScalarStyle.PLAIN ? 0 : 1;
            return offset -> new Position(start.line(), start.column() + shift + offset);
        }
        if (style == ScalarStyle.LITERAL && start.line() > 0) {
            int indent = indentAfter(start.line());
            return offset -> {
                int lineInValue = 0;
                int lineStart = 0;
                for (int i = 0; i < Math.min(offset, value.length()); i++) {
                    if (value.charAt(i) == '\n') {
                        lineInValue++;
                        lineStart = i + 1;
                    }
                }
                return new Position(start.line() + 1 + lineInValue, indent + 1 + offset - lineStart);
            };
        }
        return offset -> start;
    }

    private int indentAfter(int line) {
        if (lines == null) {
            lines = text.split("\n", -1);
        }
        for (int i = line; i < lines.length; i++) {
            String l = lines[i];
            if (!l.isBlank()) {
                int n = 0;
                while (n < l.length() && l.charAt(n) == ' ') {
                    n++;
                }
                return n;
            }
        }
        return 0;
    }
}
