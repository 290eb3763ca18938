package io.theus.benchmarks.report;

import io.theus.benchmarks.ReportRow;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Generates the measured part of {@code docs/benchmarks.md} from JMH JSON result files.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.theus.benchmarks.report.BenchmarkReport [--doc FILE] RESULT.json...}.
 * Every benchmark class in the jar that carries {@link ReportRow} annotations contributes its rows (rows without
 * results are listed as not measured). Results from later files replace those of earlier files for the same
 * benchmark, parameters and threads. With {@code --doc}, the text between the markers {@value #BEGIN} and
 * {@value #END} in that file is replaced and everything else is kept; without it the Markdown goes to standard
 * output.
 *
 * <p>Not thread-safe; a command-line tool.
 */
public final class BenchmarkReport {
    /** Marks the start of the generated part of the document. */
    public static final String BEGIN = "<!-- BEGIN GENERATED: scripts/bench.sh report -->";
    /** Marks the end of the generated part of the document. */
    public static final String END = "<!-- END GENERATED -->";

    private BenchmarkReport() {
    }

    /**
     * Runs the generator.
     *
     * @param args {@code [--doc FILE] RESULT.json...}
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path doc = null;
        ResultLoader loader = new ResultLoader();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--doc")) {
                doc = Path.of(args[++i]);
            } else {
                loader.load(Path.of(args[i]));
            }
        }
        List<RowReport> rows = rows(loader.measurements());
        String generated = MarkdownWriter.render(rows, loader.runs());
        if (doc == null) {
            System.out.print(generated);
            return;
        }
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(doc + " has no '" + BEGIN + "' ... '" + END + "' section to replace");
        }
        String updated = text.substring(0, begin + BEGIN.length()) + "\n\n" + generated + text.substring(end);
        Files.writeString(doc, updated, StandardCharsets.UTF_8);
        System.out.println("updated " + doc + " with " + rows.size() + " rows from " + loader.runs().size()
                + " run(s)");
    }

    private static List<RowReport> rows(List<Measurement> all) throws IOException {
        List<RowReport> rows = new ArrayList<>();
        for (String className : benchmarkClasses(all)) {
            Class<?> type;
            try {
                type = Class.forName(className);
            } catch (ClassNotFoundException e) {
                continue; // results of a benchmark class that no longer exists
            }
            List<Measurement> ofClass = all.stream().filter(m -> m.benchmarkClass().equals(className)).toList();
            for (ReportRow row : type.getAnnotationsByType(ReportRow.class)) {
                rows.add(new RowReport(row, ofClass));
            }
        }
        rows.sort(Comparator.comparing(r -> idKey(r.row().id())));
        return rows;
    }

    /** Every benchmark class in the jar (from JMH's generated list), plus any class named in the results. */
    private static TreeSet<String> benchmarkClasses(List<Measurement> all) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (InputStream in = BenchmarkReport.class.getResourceAsStream("/" + BenchmarkList.BENCHMARK_LIST)) {
            if (in != null) {
                for (BenchmarkListEntry e : BenchmarkList.readBenchmarkList(in)) {
                    names.add(e.getUserClassQName());
                }
            }
        }
        all.forEach(m -> names.add(m.benchmarkClass()));
        return names;
    }

    /** Orders {@code 2a} after {@code 2} and {@code 10} after {@code 9}. */
    private static String idKey(String id) {
        int digits = 0;
        while (digits < id.length() && Character.isDigit(id.charAt(digits))) {
            digits++;
        }
        String number = id.substring(0, digits);
        return "%06d".formatted(number.isEmpty() ? 999_999 : Integer.parseInt(number)) + id.substring(digits);
    }
}
