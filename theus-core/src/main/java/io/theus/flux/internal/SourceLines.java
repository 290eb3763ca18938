package io.theus.flux.internal;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.function.IntFunction;

/**
 * Maps an offset in a condition back to a line and column of the document. Exact for conditions written on one line
 * (plain or quoted, ignoring escape sequences) and for literal blocks ({@code |}); other styles (folded, multi-line
 * plain) report the start of the scalar.
 *
 * <p>Not thread-safe; one per document (the document's lines are split lazily).
 */
final class SourceLines {
    private final String text;
    private String[] lines;

    SourceLines(String text) {
        this.text = text;
    }

    /**
     * Builds the mapping of one scalar.
     *
     * @param s the condition's scalar node
     * @param start where the scalar starts
     * @return offset in the value to position in the document
     */
    IntFunction<SourcePos> positions(ScalarNode s, SourcePos start) {
        String value = s.getValue();
        ScalarStyle style = s.getScalarStyle();
        boolean oneLine = start.line() > 0 && value.indexOf('\n') < 0
                && s.getEndMark().map(e -> e.getLine() + 1 == start.line()).orElse(false);
        if (oneLine && (style == ScalarStyle.PLAIN || style == ScalarStyle.SINGLE_QUOTED
                || style == ScalarStyle.DOUBLE_QUOTED)) {
            int shift = style == ScalarStyle.PLAIN ? 0 : 1;
            return offset -> new SourcePos(start.line(), start.column() + shift + offset);
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
                return new SourcePos(start.line() + 1 + lineInValue, indent + 1 + offset - lineStart);
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
