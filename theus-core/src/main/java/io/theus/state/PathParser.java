package io.theus.state;

import io.theus.InvalidPathException;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the text form of a {@link Path}: {@code seg ( '.' seg | '[' ( seg | 'seg' | "seg" ) ']' )*}.
 * Stateless and thread-safe.
 */
final class PathParser {
    private PathParser() {
    }

    static String[] parse(String text) {
        if (text.isEmpty() || text.length() > Path.MAX_LENGTH) {
            throw new InvalidPathException(abbreviate(text),
                    "a path must have 1.." + Path.MAX_LENGTH + " characters, got " + text.length());
        }
        List<String> out = new ArrayList<>(4);
        int i = 0;
        int n = text.length();
        i = readPlain(text, i, out);
        while (i < n) {
            char c = text.charAt(i);
            if (c == '.') {
                i = readPlain(text, i + 1, out);
            } else if (c == '[') {
                i = readBracket(text, i + 1, out);
            } else {
                throw error(text, i, "unexpected '" + c + "'");
            }
            if (out.size() > Path.MAX_DEPTH) {
                throw new InvalidPathException(abbreviate(text), "a path has at most " + Path.MAX_DEPTH + " segments");
            }
        }
        return out.toArray(String[]::new);
    }

    private static int readPlain(String text, int start, List<String> out) {
        int i = start;
        while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
            i++;
        }
        if (i == start) {
            throw error(text, start, "empty segment");
        }
        String seg = text.substring(start, i);
        checkSegment(seg, text);
        out.add(seg.intern());
        return i;
    }

    private static int readBracket(String text, int start, List<String> out) {
        if (start >= text.length()) {
            throw error(text, start, "unclosed '['");
        }
        char q = text.charAt(start);
        int end;
        String seg;
        if (q == '\'' || q == '"') {
            int close = text.indexOf(q, start + 1);
            if (close < 0) {
                throw error(text, start, "unclosed quote");
            }
            seg = text.substring(start + 1, close);
            end = close + 1;
        } else {
            end = text.indexOf(']', start);
            if (end < 0) {
                throw error(text, start, "unclosed '['");
            }
            seg = text.substring(start, end);
        }
        if (end >= text.length() || text.charAt(end) != ']') {
            throw error(text, end, "expected ']'");
        }
        checkSegment(seg, text);
        out.add(seg.intern());
        return end + 1;
    }

    static void checkSegment(String seg, String text) {
        if (seg == null || seg.isEmpty()) {
            throw new InvalidPathException(abbreviate(text), "invalid path '" + abbreviate(text) + "': empty segment");
        }
        for (int i = 0; i < seg.length(); i++) {
            char c = seg.charAt(i);
            if (c == '.' || c == '[' || c == ']' || c == '\'' || c == '"' || Character.isWhitespace(c)
                    || Character.isISOControl(c)) {
                throw new InvalidPathException(abbreviate(text), "invalid path '" + abbreviate(text)
                        + "': segment '" + seg + "' contains '" + c + "'");
            }
        }
    }

    private static InvalidPathException error(String text, int column, String what) {
        return new InvalidPathException(abbreviate(text),
                "invalid path '" + abbreviate(text) + "' at column " + (column + 1) + ": " + what);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
