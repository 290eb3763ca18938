package io.theus.benchmarks.report;

import io.theus.benchmarks.ReportRow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders the generated part of {@code docs/benchmarks.md}: a summary table, one section per row (workload,
 * alternative, targets, raw numbers with errors, ratios, allocations, verdict, run) and the runs (command, machine,
 * JVM, JMH settings, commit).
 *
 * <p>Stateless and thread-safe.
 */
final class MarkdownWriter {
    private MarkdownWriter() {
    }

    /**
     * Renders the rows and runs.
     *
     * @param rows the rows, in report order
     * @param runs the runs the results come from
     * @return Markdown
     */
    static String render(List<RowReport> rows, List<RunInfo> runs) {
        StringBuilder sb = new StringBuilder();
        summary(sb, rows);
        for (RowReport r : rows) {
            row(sb, r);
        }
        runs(sb, runs);
        return sb.toString();
    }

    private static void summary(StringBuilder sb, List<RowReport> rows) {
        sb.append("## Summary\n\n| Row | What | Target | Result | Verdict |\n|---|---|---|---|---|\n");
        for (RowReport r : rows) {
            ReportRow d = r.row();
            Map<Target, Target.Outcome> outcomes = r.outcomes();
            String run = r.runs().stream().map(x -> x.label() + (x.preliminary() ? " (preliminary)" : ""))
                    .collect(Collectors.joining(", "));
            if (outcomes.isEmpty()) {
                sb.append("| [").append(d.id()).append("](#row-").append(anchor(d.id())).append(") | ")
                        .append(d.title()).append(" | reported only | ").append(r.measured() ? "see row" : "not measured")
                        .append(" | — ").append(run.isEmpty() ? "" : "(run " + run + ")").append(" |\n");
                continue;
            }
            boolean first = true;
            for (Map.Entry<Target, Target.Outcome> e : outcomes.entrySet()) {
                sb.append("| ").append(first ? "[" + d.id() + "](#row-" + anchor(d.id()) + ")" : "").append(" | ")
                        .append(first ? d.title() : "").append(" | ").append(e.getKey().text()).append(" | ")
                        .append(e.getValue().detail()).append(" | ").append(verdict(e.getValue()))
                        .append(run.isEmpty() ? "" : " (run " + run + ")").append(" |\n");
                first = false;
            }
        }
        sb.append('\n');
    }

    private static String anchor(String id) {
        return id.toLowerCase(java.util.Locale.ROOT);
    }

    private static String verdict(Target.Outcome o) {
        String v = o.met() == null ? "not measured" : o.met() ? "**met**" : "**missed**";
        return o.withinError() ? v + " (the limit is within the error; not conclusive)" : v;
    }

    private static void row(StringBuilder sb, RowReport r) {
        ReportRow d = r.row();
        sb.append("<a id=\"row-").append(anchor(d.id())).append("\"></a>\n\n### Row ").append(d.id()).append(" — ")
                .append(d.title()).append("\n\n");
        sb.append("- **Workload:** ").append(d.workload()).append("\n");
        if (!d.alternative().isEmpty()) {
            sb.append("- **Alternative, same run:** ").append(d.alternativeName().isEmpty() ? "`" + d.alternative()
                    + "`" : d.alternativeName()).append("\n");
        }
        Map<Target, Target.Outcome> outcomes = r.outcomes();
        for (Map.Entry<Target, Target.Outcome> e : outcomes.entrySet()) {
            sb.append("- **Target:** ").append(e.getKey().describe()).append(" — ").append(e.getValue().detail())
                    .append(": ").append(verdict(e.getValue())).append("\n");
        }
        if (!d.reference().isEmpty()) {
            sb.append("- **Reference (Python/Rust Theus):** ").append(d.reference()).append("\n");
        }
        List<RunInfo> runs = r.runs();
        if (!runs.isEmpty()) {
            sb.append("- **Measured in run** ").append(runs.stream().map(x -> x.label() + " (`" + x.get("command")
                    + "`" + (x.preliminary() ? ", preliminary" : "") + ")").collect(Collectors.joining(", ")))
                    .append("\n");
        }
        sb.append('\n');
        if (!r.measured()) {
            sb.append("_Not measured in the runs this report was generated from._\n\n");
            return;
        }
        table(sb, r);
    }

    private static void table(StringBuilder sb, RowReport r) {
        ReportRow d = r.row();
        boolean alt = !d.alternative().isEmpty();
        boolean alloc = r.pairs().stream().anyMatch(p -> p.subject() != null && p.subject().allocation() != null);
        Set<String> extras = new LinkedHashSet<>(List.of(d.extras()));
        List<String> head = new ArrayList<>(List.of("Configuration", "Theus"));
        if (alt) {
            head.add("Alternative");
            head.add("Ratio (Theus cost ÷ alternative cost)");
        }
        if (alloc) {
            head.add("Theus alloc");
            if (alt) {
                head.add("Alternative alloc");
            }
        }
        for (String x : extras) {
            head.add(x + " per op" + (alt ? " (Theus / alternative)" : ""));
        }
        sb.append("| ").append(String.join(" | ", head)).append(" |\n|").append("---|".repeat(head.size()))
                .append('\n');
        for (RowReport.Pair p : r.pairs()) {
            List<String> cells = new ArrayList<>();
            cells.add(p.configuration().isEmpty() ? "—" : p.configuration());
            cells.add(score(p.subject()));
            if (alt) {
                cells.add(score(p.alternative()));
                cells.add(ratio(p));
            }
            if (alloc) {
                cells.add(allocation(p.subject()));
                if (alt) {
                    cells.add(allocation(p.alternative()));
                }
            }
            for (String x : extras) {
                cells.add(perOp(p.subject(), x) + (alt ? " / " + perOp(p.alternative(), x) : ""));
            }
            sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        sb.append('\n');
    }

    /** A ratio with its error; tiny ratios read better inverted ("1/3 200: Theus is cheaper"). */
    private static String ratio(RowReport.Pair p) {
        if (p.subject() == null || p.alternative() == null) {
            return "—";
        }
        double r = p.ratio();
        if (r < 0.1) {
            return "1/" + Numbers.format(1 / r) + " (Theus cheaper)";
        }
        return Numbers.format(r) + " ± " + Numbers.formatLike(p.ratioError(), r) + "×";
    }

    private static String score(Measurement m) {
        return m == null ? "—" : m.primary().format();
    }

    private static String allocation(Measurement m) {
        if (m == null || m.allocation() == null) {
            return "—";
        }
        return Numbers.format(m.allocation().score()) + " B/op";
    }

    /** An aux counter per operation: for rate benchmarks JMH reports counters as rates too, so divide. */
    private static String perOp(Measurement m, String name) {
        if (m == null || !m.secondary().containsKey(name)) {
            return "—";
        }
        Metric x = m.secondary().get(name);
        if (m.primary().isRate() && x.unit().equals(m.primary().unit())) {
            return Numbers.format(x.score() / m.primary().score());
        }
        return x.format();
    }

    private static void runs(StringBuilder sb, List<RunInfo> runs) {
        sb.append("## Runs\n\n");
        if (runs.isEmpty()) {
            sb.append("_No results loaded._\n\n");
            return;
        }
        for (RunInfo r : runs) {
            sb.append("- **Run ").append(r.label()).append("** — `").append(r.get("command")).append("`, mode ")
                    .append(r.get("mode")).append(r.preliminary() ? " (**preliminary**)" : "").append(", ")
                    .append(r.get("date")).append(", commit ").append(r.get("commit")).append(".  \n")
                    .append("  Machine: ").append(r.get("cpu")).append(", ").append(r.get("cpus"))
                    .append(" CPUs, ").append(r.get("memory")).append(" RAM, ").append(r.get("os"))
                    .append(r.meta().containsKey("note") ? "; " + r.get("note") : "").append(".  \n")
                    .append("  JVM: ").append(r.jvm()).append(".  \n")
                    .append("  ").append(r.jmhOptions()).append("; JMH options `").append(r.get("jmhOptions"))
                    .append("`; results file `").append(r.file()).append("`.\n");
        }
        sb.append('\n');
    }
}
