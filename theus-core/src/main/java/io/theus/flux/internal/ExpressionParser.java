package io.theus.flux.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of the condition grammar (SPEC W2), Python's precedence from loosest to tightest:
 *
 * <pre>
 * expr       := or
 * or         := and ('or' and)*
 * and        := not ('and' not)*
 * not        := 'not' not | comparison
 * comparison := sum (op sum)*        op: == != &lt; &lt;= &gt; &gt;= in, not in, is, is not
 * sum        := term (('+' | '-') term)*
 * term       := unary (('*' | '/' | '//' | '%') unary)*
 * unary      := ('-' | '+') unary | power
 * power      := postfix ('**' unary)?
 * postfix    := atom ('.' NAME | '[' expr ']' | '(' args ')')*
 * atom       := NAME | NUMBER | STRING | True | False | None | true | false | null | '(' expr ')' | '[' items ']'
 * </pre>
 *
 * <p>Calls are limited to the {@link Builtin built-in functions} and {@code signal.get} / {@code cmd.get}; any
 * other call, attribute names starting with {@code __}, and everything else outside the grammar are syntax errors
 * at their offset. Conditions longer than {@value #MAX_LENGTH} characters or nested deeper than {@value #MAX_DEPTH}
 * levels are refused.
 *
 * <p>Not thread-safe; used once per condition.
 */
final class ExpressionParser {
    /** Longest condition accepted. */
    static final int MAX_LENGTH = 4096;
    /** Deepest nesting of sub-expressions accepted. */
    static final int MAX_DEPTH = 64;

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else", "lambda",
            "for", "import", "def", "class", "return", "yield", "await", "async");
    private static final Set<String> SIGNAL_ROOTS = Set.of("signal", "cmd");
    private static final String OPERAND = "an operand (a name such as domain, a number, a string, a list or '(')";

    private final List<Token> tokens;
    private int pos;
    private int depth;

    private ExpressionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses a condition.
     *
     * @param text the condition
     * @return its syntax tree
     * @throws ExpressionSyntaxException if the text is outside the grammar
     */
    static Expr parse(String text) {
        if (text.isBlank()) {
            throw new ExpressionSyntaxException(0, "the condition is empty", "an expression");
        }
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionSyntaxException(MAX_LENGTH, "the condition is " + text.length()
                    + " characters long", "at most " + MAX_LENGTH + " characters");
        }
        ExpressionParser p = new ExpressionParser(Lexer.tokenize(text));
        Expr e = p.expression();
        Token t = p.peek();
        if (t.kind() != Token.Kind.END) {
            throw new ExpressionSyntaxException(t.start(), "unexpected " + t.describe() + " after a complete "
                    + "expression", "an operator (and, or, ==, <, +, ...) or the end of the condition");
        }
        return e;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token advance() {
        return tokens.get(pos++);
    }

    private Token expectOp(String op, String what) {
        Token t = peek();
        if (!t.isOp(op)) {
            throw new ExpressionSyntaxException(t.start(), "found " + t.describe(), "'" + op + "' " + what);
        }
        return advance();
    }

    private Expr expression() {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionSyntaxException(peek().start(), "the condition nests deeper than " + MAX_DEPTH
                    + " levels", "a flatter expression");
        }
        try {
            return or();
        } finally {
            depth--;
        }
    }

    private Expr or() {
        Expr left = and();
        while (peek().isName("or")) {
            advance();
            Expr right = and();
            left = new Expr.Binary("or", left, right, left.start(), right.end());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (peek().isName("and")) {
            advance();
            Expr right = not();
            left = new Expr.Binary("and", left, right, left.start(), right.end());
        }
        return left;
    }

    private Expr not() {
        Token t = peek();
        if (t.isName("not")) {
            advance();
            Expr operand = nested(this::not);
            return new Expr.Unary("not", operand, t.start(), operand.end());
        }
        return comparison();
    }

    private Expr nested(java.util.function.Supplier<Expr> rule) {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionSyntaxException(peek().start(), "the condition nests deeper than " + MAX_DEPTH
                    + " levels", "a flatter expression");
        }
        try {
            return rule.get();
        } finally {
            depth--;
        }
    }

    private Expr comparison() {
        Expr first = sum();
        List<Expr> operands = null;
        List<String> ops = null;
        String op;
        while ((op = comparisonOp()) != null) {
            if (operands == null) {
                operands = new ArrayList<>(List.of(first));
                ops = new ArrayList<>();
            }
            ops.add(op);
            operands.add(sum());
        }
        if (operands == null) {
            return first;
        }
        return new Expr.Compare(List.copyOf(operands), List.copyOf(ops), first.start(),
                operands.get(operands.size() - 1).end());
    }

    private String comparisonOp() {
        Token t = peek();
        if (t.kind() == Token.Kind.OP && Set.of("==", "!=", "<", "<=", ">", ">=").contains(t.text())) {
            advance();
            return t.text();
        }
        if (t.isName("in")) {
            advance();
            return "in";
        }
        if (t.isName("not") && peekAt(1).isName("in")) {
            pos += 2;
            return "not in";
        }
        if (t.isName("is")) {
            advance();
            if (peek().isName("not")) {
                advance();
                return "is not";
            }
            return "is";
        }
        return null;
    }

    private Expr sum() {
        Expr left = term();
        while (peek().isOp("+") || peek().isOp("-")) {
            String op = advance().text();
            Expr right = term();
            left = new Expr.Binary(op, left, right, left.start(), right.end());
        }
        return left;
    }

    private Expr term() {
        Expr left = unary();
        while (peek().isOp("*") || peek().isOp("/") || peek().isOp("//") || peek().isOp("%")) {
            String op = advance().text();
            Expr right = unary();
            left = new Expr.Binary(op, left, right, left.start(), right.end());
        }
        return left;
    }

    private Expr unary() {
        Token t = peek();
        if (t.isOp("-") || t.isOp("+")) {
            advance();
            Expr operand = nested(this::unary);
            return new Expr.Unary(t.text(), operand, t.start(), operand.end());
        }
        return power();
    }

    private Expr power() {
        Expr base = postfix();
        if (peek().isOp("**")) {
            advance();
            Expr exponent = nested(this::unary);
            return new Expr.Binary("**", base, exponent, base.start(), exponent.end());
        }
        return base;
    }

    private Expr postfix() {
        Token first = peek();
        if (first.kind() == Token.Kind.NAME && Builtin.named(first.text()) != null && !isKeyword(first.text())) {
            return trailers(call(Builtin.named(first.text())));
        }
        return trailers(atom());
    }

    private Expr trailers(Expr e) {
        while (true) {
            Token t = peek();
            if (t.isOp(".")) {
                advance();
                e = attribute(e);
            } else if (t.isOp("[")) {
                advance();
                Expr key = expression();
                Token close = expectOp("]", "to close the index opened at offset " + t.start());
                e = new Expr.Member(e, key, e.start(), close.end());
            } else if (t.isOp("(")) {
                throw new ExpressionSyntaxException(t.start(), "method calls are not allowed",
                        "a call of len, int, float, str, bool, abs, min, max, sum or signal.get");
            } else {
                return e;
            }
        }
    }

    private Expr attribute(Expr target) {
        Token name = peek();
        if (name.kind() != Token.Kind.NAME || isKeyword(name.text())) {
            throw new ExpressionSyntaxException(name.start(), "found " + name.describe() + " after '.'",
                    "a key name (use x['key'] for keys that are not plain names)");
        }
        advance();
        if (name.text().startsWith("__")) {
            throw new ExpressionSyntaxException(name.start(), "names starting with '__' are not allowed",
                    "a key of the state");
        }
        if (peek().isOp("(")) {
            if (name.text().equals("get") && target instanceof Expr.Root r && SIGNAL_ROOTS.contains(r.name())) {
                return signalGet(target);
            }
            throw new ExpressionSyntaxException(peek().start(), "method calls are not allowed ('" + name.text()
                    + "(...)')", "a call of len, int, float, str, bool, abs, min, max, sum or signal.get");
        }
        Expr key = new Expr.Literal(name.text(), name.start(), name.end());
        return new Expr.Member(target, key, target.start(), name.end());
    }

    private Expr signalGet(Expr target) {
        Token open = advance();
        List<Expr> args = arguments(open);
        int end = tokens.get(pos - 1).end();
        if (args.isEmpty() || args.size() > 2) {
            throw new ExpressionSyntaxException(open.start(), "get takes a topic and an optional default, got "
                    + args.size() + " argument(s)", "signal.get('topic') or signal.get('topic', default)");
        }
        return new Expr.SignalGet(args.get(0), args.size() > 1 ? args.get(1) : null, target.start(), end);
    }

    private Expr call(Builtin function) {
        Token name = advance();
        Token open = peek();
        if (!open.isOp("(")) {
            throw new ExpressionSyntaxException(name.start(), "'" + name.text() + "' is a function",
                    "a call such as " + name.text() + "(x)");
        }
        advance();
        List<Expr> args = arguments(open);
        if (!function.accepts(args.size())) {
            throw new ExpressionSyntaxException(name.start(), name.text() + "() takes " + function.arity()
                    + ", got " + args.size(), name.text() + " with " + function.arity());
        }
        return new Expr.Call(function, args, name.start(), tokens.get(pos - 1).end());
    }

    private List<Expr> arguments(Token open) {
        List<Expr> args = new ArrayList<>();
        if (peek().isOp(")")) {
            advance();
            return args;
        }
        while (true) {
            args.add(expression());
            if (peek().isOp(",")) {
                advance();
                if (peek().isOp(")")) {
                    advance();
                    return args;
                }
            } else {
                expectOp(")", "to close the call opened at offset " + open.start());
                return args;
            }
        }
    }

    private Expr atom() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER, STRING -> {
                advance();
                return new Expr.Literal(t.value(), t.start(), t.end());
            }
            case NAME -> {
                advance();
                return name(t);
            }
            case OP -> {
                if (t.isOp("(")) {
                    advance();
                    Expr inner = expression();
                    expectOp(")", "to close the parenthesis opened at offset " + t.start());
                    return inner;
                }
                if (t.isOp("[")) {
                    advance();
                    return list(t);
                }
                throw new ExpressionSyntaxException(t.start(), "found " + t.describe(), OPERAND);
            }
            default -> throw new ExpressionSyntaxException(t.start(), "the condition ends too early", OPERAND);
        }
    }

    private Expr name(Token t) {
        String n = t.text();
        return switch (n) {
            case "True", "true" -> new Expr.Literal(Boolean.TRUE, t.start(), t.end());
            case "False", "false" -> new Expr.Literal(Boolean.FALSE, t.start(), t.end());
            case "None", "null" -> new Expr.Literal(null, t.start(), t.end());
            default -> {
                if (isKeyword(n)) {
                    throw new ExpressionSyntaxException(t.start(), "found the keyword '" + n + "'", OPERAND);
                }
                if (n.startsWith("__")) {
                    throw new ExpressionSyntaxException(t.start(), "names starting with '__' are not allowed",
                            "domain, global, signal, cmd or a namespace");
                }
                yield new Expr.Root(n, t.start(), t.end());
            }
        };
    }

    private Expr list(Token open) {
        List<Expr> items = new ArrayList<>();
        while (!peek().isOp("]")) {
            items.add(expression());
            if (peek().isOp(",")) {
                advance();
            } else if (!peek().isOp("]")) {
                throw new ExpressionSyntaxException(peek().start(), "found " + peek().describe() + " in a list",
                        "',' or ']' to close the list opened at offset " + open.start());
            }
        }
        Token close = advance();
        return new Expr.ListOf(List.copyOf(items), open.start(), close.end());
    }

    private static boolean isKeyword(String name) {
        return KEYWORDS.contains(name);
    }
}
