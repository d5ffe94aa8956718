package dev.gorunbench.report;

import dev.gorunbench.results.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every report of one or more results files into one directory: {@code README.md} (the tables),
 * {@code README.zh-CN.md} (the verdicts in Chinese), {@code report.html} (tables and charts in one
 * self-contained file) and {@code samples.csv} (every raw sample). Each file is written atomically.
 */
public final class ReportWriter {
    public static final List<String> FILES = List.of("README.md", "README.zh-CN.md", "report.html", "samples.csv");

    private ReportWriter() {
    }

    /** Writes the reports and returns the paths written, in the order of {@link #FILES}. */
    public static List<Path> write(List<ResultsRun> runs, Path outDir) throws IOException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no results file given");
        }
        String markdown = runs.size() == 1
                ? MarkdownReport.render(runs.get(0).results(), runs.get(0).file())
                : MultiReport.render(runs);
        List<String> contents = List.of(markdown, ChineseVerdicts.render(runs), HtmlReport.render(runs, markdown),
                SamplesCsv.render(runs));
        for (int i = 0; i < FILES.size(); i++) {
            AtomicFiles.write(outDir.resolve(FILES.get(i)), contents.get(i).getBytes(StandardCharsets.UTF_8));
        }
        return FILES.stream().map(outDir::resolve).toList();
    }
}
