package io.theus.flux.internal;

import io.theus.tx.internal.Version;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A compiled condition of a {@code flux: if} or {@code flux: while} step: its text, its closure and how to turn an
 * offset in the text into a line and column of the document.
 *
 * <p>Immutable and thread-safe.
 */
final class Condition {
    private final String text;
    private final Eval eval;
    private final IntFunction<SourcePos> positions;
    private final List<Expr.Root> roots;

    private Condition(String text, Eval eval, IntFunction<SourcePos> positions, List<Expr.Root> roots) {
        this.text = text;
        this.eval = eval;
        this.positions = positions;
        this.roots = roots;
    }

    /**
     * Parses and compiles a condition.
     *
     * @param text the condition
     * @param positions maps an offset in the text to its position in the document
     * @return the condition
     * @throws ExpressionSyntaxException if the text is outside the grammar
     */
    static Condition compile(String text, IntFunction<SourcePos> positions) {
        Expr tree = ExpressionParser.parse(text);
        List<Expr.Root> roots = new ArrayList<>();
        ExpressionCompiler.roots(tree, roots);
        return new Condition(text, ExpressionCompiler.compile(text, tree), positions, List.copyOf(roots));
    }

    String text() {
        return text;
    }

    /** {@return the root names the condition reads, with their offsets} */
    List<Expr.Root> roots() {
        return roots;
    }

    SourcePos position(int offset) {
        return positions.apply(offset);
    }

    /**
     * Evaluates the condition on a committed version.
     *
     * @param version what it reads
     * @param trace where to record what it read, or {@code null}
     * @return its truth value
     * @throws ConditionFault if it cannot be evaluated on this version
     */
    boolean test(Version version, Trace trace) {
        try {
            return Values.truthy(eval.eval(version, trace));
        } catch (EvalFault f) {
            int start = Math.max(f.start(), 0);
            int end = f.end() < 0 ? text.length() : f.end();
            String part = text.substring(start, end);
            String where = part.equals(text) ? "" : " at `" + part + "`";
            throw new ConditionFault(this, position(start), "condition `" + text + "`" + where + ": "
                    + f.getMessage());
        }
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * A condition that failed on the version it read. No stack trace; the run turns it into a
     * {@code ConditionEvaluationException}.
     */
    static final class ConditionFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Condition condition;
        private final transient SourcePos at;

        ConditionFault(Condition condition, SourcePos at, String message) {
            super(message, null, false, false);
            this.condition = condition;
            this.at = at;
        }

        Condition condition() {
            return condition;
        }

        SourcePos at() {
            return at;
        }
    }
}
