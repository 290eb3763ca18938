package io.theus.flux.internal;

import io.theus.tx.internal.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compiles a condition's syntax tree into closures, once per workflow. Chains of keys on a root become one
 * {@link StateRead}; sub-trees without state reads are folded into constants; every operator node adds its span
 * to the faults raised below it.
 *
 * <p>Stateless and thread-safe.
 */
final class ExpressionCompiler {
    private final String text;

    private ExpressionCompiler(String text) {
        this.text = text;
    }

    /**
     * Compiles a condition.
     *
     * @param text the condition text (spans refer to it)
     * @param tree its syntax tree
     * @return the closure
     */
    static Eval compile(String text, Expr tree) {
        return new ExpressionCompiler(text).node(tree);
    }

    /**
     * Lists the root names a condition reads, with their offsets.
     *
     * @param tree the syntax tree
     * @param into where to add them
     */
    static void roots(Expr tree, List<Expr.Root> into) {
        switch (tree) {
            case Expr.Root r -> into.add(r);
            case Expr.Literal l -> {
            }
            case Expr.ListOf l -> l.items().forEach(i -> roots(i, into));
            case Expr.Member m -> {
                roots(m.target(), into);
                roots(m.key(), into);
            }
            case Expr.Call c -> c.args().forEach(a -> roots(a, into));
            case Expr.SignalGet g -> {
                roots(g.topic(), into);
                if (g.fallback() != null) {
                    roots(g.fallback(), into);
                }
            }
            case Expr.Unary u -> roots(u.operand(), into);
            case Expr.Binary b -> {
                roots(b.left(), into);
                roots(b.right(), into);
            }
            case Expr.Compare c -> c.operands().forEach(o -> roots(o, into));
        }
    }

    private Eval node(Expr e) {
        Eval compiled = switch (e) {
            case Expr.Literal l -> constant(l.value());
            case Expr.ListOf l -> list(l);
            case Expr.Root r -> chain(r, List.of());
            case Expr.Member m -> member(m);
            case Expr.Call c -> call(c);
            case Expr.SignalGet g -> signalGet(g);
            case Expr.Unary u -> unary(u);
            case Expr.Binary b -> binary(b);
            case Expr.Compare c -> compare(c);
        };
        return readsState(e) ? compiled : fold(compiled);
    }

    private static Eval constant(Object value) {
        return (v, t) -> value;
    }

    private static Eval fold(Eval compiled) {
        try {
            Object value = compiled.eval(null, null);
            return constant(value);
        } catch (EvalFault f) {
            return compiled;
        }
    }

    private static boolean readsState(Expr e) {
        List<Expr.Root> roots = new ArrayList<>();
        roots(e, roots);
        return !roots.isEmpty() || containsSignalGet(e);
    }

    private static boolean containsSignalGet(Expr e) {
        return switch (e) {
            case Expr.SignalGet g -> true;
            case Expr.Literal l -> false;
            case Expr.Root r -> false;
            case Expr.ListOf l -> l.items().stream().anyMatch(ExpressionCompiler::containsSignalGet);
            case Expr.Member m -> containsSignalGet(m.target()) || containsSignalGet(m.key());
            case Expr.Call c -> c.args().stream().anyMatch(ExpressionCompiler::containsSignalGet);
            case Expr.Unary u -> containsSignalGet(u.operand());
            case Expr.Binary b -> containsSignalGet(b.left()) || containsSignalGet(b.right());
            case Expr.Compare c -> c.operands().stream().anyMatch(ExpressionCompiler::containsSignalGet);
        };
    }

    private Eval list(Expr.ListOf l) {
        Eval[] items = l.items().stream().map(this::node).toArray(Eval[]::new);
        return (v, t) -> {
            Object[] values = new Object[items.length];
            for (int i = 0; i < items.length; i++) {
                values[i] = items[i].eval(v, t);
            }
            return Arrays.asList(values).stream().toList();
        };
    }

    private Eval member(Expr.Member m) {
        List<Expr.Member> keys = new ArrayList<>();
        Expr cur = m;
        while (cur instanceof Expr.Member mm) {
            keys.add(0, mm);
            cur = mm.target();
        }
        if (cur instanceof Expr.Root r) {
            return chain(r, keys);
        }
        Eval target = node(m.target());
        Eval key = node(m.key());
        int start = m.start();
        int end = m.end();
        return (v, t) -> {
            Object container = target.eval(v, t);
            Object k = key.eval(v, t);
            try {
                return Access.index(container, k);
            } catch (Access.Missing missing) {
                String known = container instanceof java.util.Map<?, ?> map ? Access.keysOf(map, 12) : "";
                throw new EvalFault("no key " + Values.repr(k) + " in " + Values.repr(container) + known)
                        .at(start, end);
            } catch (EvalFault f) {
                throw f.at(start, end);
            }
        };
    }

    private Eval chain(Expr.Root root, List<Expr.Member> members) {
        int n = members.size();
        Object[] constKeys = new Object[n];
        Eval[] dynamic = new Eval[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            Expr key = members.get(i).key();
            if (key instanceof Expr.Literal lit && (lit.value() instanceof String || lit.value() instanceof Long)) {
                constKeys[i] = lit.value();
            } else {
                dynamic[i] = node(key);
            }
            ends[i] = members.get(i).end();
        }
        return new StateRead(text, root.name(), constKeys, dynamic, root.start(), root.end(), ends);
    }

    private Eval call(Expr.Call c) {
        Eval[] args = c.args().stream().map(this::node).toArray(Eval[]::new);
        Builtin f = c.function();
        int start = c.start();
        int end = c.end();
        return (v, t) -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i].eval(v, t);
            }
            try {
                return Functions.apply(f, values);
            } catch (EvalFault fault) {
                throw fault.at(start, end);
            }
        };
    }

    private Eval signalGet(Expr.SignalGet g) {
        Eval topic = node(g.topic());
        Eval fallback = g.fallback() == null ? constant(null) : node(g.fallback());
        int start = g.start();
        int end = g.end();
        return (v, t) -> {
            Object k = topic.eval(v, t);
            if (!(k instanceof String name)) {
                throw new EvalFault("signal topics are strings, not " + Values.describe(k)).at(start, end);
            }
            Object value = Version.latched(v.signals(), name);
            if (t != null) {
                t.record(start, end, value);
            }
            return value != null ? value : fallback.eval(v, t);
        };
    }

    private Eval unary(Expr.Unary u) {
        Eval operand = node(u.operand());
        int start = u.start();
        int end = u.end();
        return switch (u.op()) {
            case "not" -> (v, t) -> !Values.truthy(operand.eval(v, t));
            case "-" -> (v, t) -> {
                try {
                    return Arithmetic.negate(operand.eval(v, t));
                } catch (EvalFault f) {
                    throw f.at(start, end);
                }
            };
            default -> (v, t) -> {
                try {
                    return Arithmetic.plus(operand.eval(v, t));
                } catch (EvalFault f) {
                    throw f.at(start, end);
                }
            };
        };
    }

    private Eval binary(Expr.Binary b) {
        Eval left = node(b.left());
        Eval right = node(b.right());
        String op = b.op();
        int start = b.start();
        int end = b.end();
        return switch (op) {
            case "and" -> (v, t) -> {
                Object l = left.eval(v, t);
                return Values.truthy(l) ? right.eval(v, t) : l;
            };
            case "or" -> (v, t) -> {
                Object l = left.eval(v, t);
                return Values.truthy(l) ? l : right.eval(v, t);
            };
            default -> (v, t) -> {
                Object l = left.eval(v, t);
                Object r = right.eval(v, t);
                try {
                    return Arithmetic.of(op, l, r);
                } catch (EvalFault f) {
                    throw f.at(start, end);
                }
            };
        };
    }

    private Eval compare(Expr.Compare c) {
        Eval[] operands = c.operands().stream().map(this::node).toArray(Eval[]::new);
        Comparisons.Test[] tests = c.ops().stream().map(Comparisons::of).toArray(Comparisons.Test[]::new);
        int start = c.start();
        int end = c.end();
        if (tests.length == 1) {
            Eval left = operands[0];
            Eval right = operands[1];
            Comparisons.Test test = tests[0];
            return (v, t) -> {
                Object l = left.eval(v, t);
                Object r = right.eval(v, t);
                try {
                    return test.test(l, r);
                } catch (EvalFault f) {
                    throw f.at(start, end);
                }
            };
        }
        return (v, t) -> {
            Object left = operands[0].eval(v, t);
            for (int i = 0; i < tests.length; i++) {
                Object right = operands[i + 1].eval(v, t);
                try {
                    if (!tests[i].test(left, right)) {
                        return false;
                    }
                } catch (EvalFault f) {
                    throw f.at(start, end);
                }
                left = right;
            }
            return true;
        };
    }
}
