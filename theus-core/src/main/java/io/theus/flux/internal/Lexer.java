package io.theus.flux.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a condition into tokens: names, numbers ({@code 42}, {@code 1.5}, {@code 2e3}), strings in single or double
 * quotes with the escapes {@code \\ \' \" \n \t \r}, and the operators of the grammar. Any other character is a
 * syntax error at its offset, with a hint where a Java or C habit is likely ({@code =}, {@code &&}, {@code !}).
 *
 * <p>Not thread-safe; used once per condition.
 */
final class Lexer {
    private static final String TWO_CHAR_OPS = "== != <= >= ** //";
    private static final String ONE_CHAR_OPS = "<>+-*/%()[],.";

    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    /**
     * Tokenises a condition.
     *
     * @param text the condition
     * @return the tokens, ending with an END token
     * @throws ExpressionSyntaxException at the first character outside the grammar
     */
    static List<Token> tokenize(String text) {
        Lexer lexer = new Lexer(text);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Token.Kind.END);
        return tokens;
    }

    private Token next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        if (pos >= text.length()) {
            return new Token(Token.Kind.END, "", null, pos, pos);
        }
        char c = text.charAt(pos);
        if (digit(c) || (c == '.' && pos + 1 < text.length() && digit(text.charAt(pos + 1)))) {
            return number();
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (c == '_' || (c < 128 && Character.isLetter(c))) {
            return name();
        }
        return operator(c);
    }

    private Token name() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '_' || (c < 128 && Character.isLetterOrDigit(c))) {
                pos++;
            } else {
                break;
            }
        }
        return new Token(Token.Kind.NAME, text.substring(start, pos), null, start, pos);
    }

    private Token number() {
        int start = pos;
        boolean floating = false;
        digits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            floating = true;
            pos++;
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos >= text.length() || !digit(text.charAt(pos))) {
                throw new ExpressionSyntaxException(mark, "malformed number '" + text.substring(start, pos) + "'",
                        "digits after the exponent");
            }
            digits();
            floating = true;
        }
        if (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            throw new ExpressionSyntaxException(pos, "malformed number: '" + text.charAt(pos) + "' after '"
                    + text.substring(start, pos) + "'", "an operator or the end of the condition");
        }
        String literal = text.substring(start, pos);
        return new Token(Token.Kind.NUMBER, literal, parseNumber(literal, floating, start), start, pos);
    }

    private static Object parseNumber(String literal, boolean floating, int start) {
        if (floating) {
            double d = Double.parseDouble(literal);
            if (Double.isInfinite(d)) {
                throw new ExpressionSyntaxException(start, "number " + literal + " is too large", "a finite number");
            }
            return d;
        }
        try {
            return Long.parseLong(literal);
        } catch (NumberFormatException e) {
            throw new ExpressionSyntaxException(start, "integer " + literal + " does not fit in 64 bits",
                    "an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
        }
    }

    private void digits() {
        while (pos < text.length() && digit(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private Token string(char quote) {
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                String value = sb.toString();
                return new Token(Token.Kind.STRING, value, value, start, pos);
            }
            if (c == '\\') {
                sb.append(escape());
            } else if (c == '\n') {
                break;
            } else {
                sb.append(c);
            }
        }
        throw new ExpressionSyntaxException(start, "string starting here is not closed", "a closing " + quote);
    }

    private char escape() {
        if (pos >= text.length()) {
            throw new ExpressionSyntaxException(pos - 1, "string ends with a lone backslash", "an escape sequence");
        }
        char e = text.charAt(pos++);
        return switch (e) {
            case '\\' -> '\\';
            case '\'' -> '\'';
            case '"' -> '"';
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> throw new ExpressionSyntaxException(pos - 2, "unknown escape '\\" + e + "'",
                    "one of \\\\ \\' \\\" \\n \\t \\r");
        };
    }

    private Token operator(char c) {
        int start = pos;
        if (pos + 1 < text.length()) {
            String two = text.substring(pos, pos + 2);
            if (TWO_CHAR_OPS.contains(two) && !two.contains(" ")) {
                pos += 2;
                return new Token(Token.Kind.OP, two, null, start, pos);
            }
            if (two.equals("&&") || two.equals("||")) {
                throw new ExpressionSyntaxException(start, "'" + two + "' is not an operator",
                        two.equals("&&") ? "'and'" : "'or'");
            }
        }
        if (ONE_CHAR_OPS.indexOf(c) >= 0) {
            pos++;
            return new Token(Token.Kind.OP, String.valueOf(c), null, start, pos);
        }
        throw new ExpressionSyntaxException(start, "unexpected character " + describe(c), hint(c));
    }

    private static String describe(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private static String hint(char c) {
        return switch (c) {
            case '=' -> "'==' to compare (conditions cannot assign)";
            case '!' -> "'not' or '!='";
            case '&' -> "'and'";
            case '|' -> "'or'";
            case '{', '}' -> "a list [..] (dict literals are not part of the grammar)";
            case ';' -> "a single expression";
            default -> "a name, a number, a string, a list or an operator of the condition grammar";
        };
    }
}
