package dev.gorunbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.results.ResultsFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The side-by-side comparison with hyperfine that {@code benchmarks/compare-hyperfine.sh} wrote to
 * {@code results/hyperfine-comparison.json}, which the suite runner copies into each results file as
 * {@code hyperfineComparison}. It has its own time and command, independent of the benchmark run, so where
 * the directory of the results file contains a {@code hyperfine-comparison.json}, that file (the newest
 * comparison) is shown in place of the copy.
 */
final class HyperfineSection implements ReportSection {
    static final String FILE_NAME = "hyperfine-comparison.json";

    @Override
    public String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures, Path resultsDir) {
        Path file = resultsDir == null ? null : resultsDir.resolve(FILE_NAME);
        if (file == null || !Files.isRegularFile(file)) {
            return render(results, records, fixtures);
        }
        try {
            return render(ResultsFile.JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new ResultsFormatException(file, "not valid JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures) {
        return render(results.path("hyperfineComparison"));
    }

    private static String render(JsonNode comparison) {
        if (!comparison.isObject()) {
            return "";
        }
        StringBuilder page = new StringBuilder("## Measurement accuracy: side by side with hyperfine\n\n");
        page.append("The same commands measured by hyperfine ").append(comparison.path("hyperfine").asText().replace("hyperfine ", ""))
                .append(" (`-N`, no shell, warm-up, output through a pipe) and by the harness, interleaved in ")
                .append(comparison.path("rounds").asInt()).append(" rounds whose tool order rotates. \"harness\" is the "
                        + "path every benchmark takes: the timing helper started through commons-exec, output to files, "
                        + "exit code and stdout checked. \"pump threads\" is the helper with commons-exec's pump threads "
                        + "in place of output files; \"JVM clock\" is the fallback without the helper. Ratios divide by "
                        + "hyperfine's median; the target is what the harness aims for, not a test.\n\n");
        page.append("| command | hyperfine median | harness median | ratio | target | pump threads | JVM clock | samples per tool |\n");
        page.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode row : comparison.path("commands")) {
            String label = row.path("name").asText()
                    + (row.path("fixture").asText().isEmpty() ? "" : " " + row.path("fixture").asText());
            page.append("| ").append(label)
                    .append(" | ").append(ms(row.path("hyperfineMedianMs")))
                    .append(" | ").append(ms(row.path("harnessMedianMs")))
                    .append(" | ").append(ratio(row.path("harnessRatio")))
                    .append(row.path("withinTarget").asBoolean() ? "" : " (over)")
                    .append(" | ").append(String.format(Locale.ROOT, "%.2fx", row.path("target").asDouble()))
                    .append(" | ").append(row.has("harnessPumpThreadsMedianMs")
                            ? ms(row.path("harnessPumpThreadsMedianMs")) + " (" + ratio(row.path("harnessPumpThreadsRatio")) + ")"
                            : "not run")
                    .append(" | ").append(ms(row.path("jvmClockMedianMs"))).append(" (")
                    .append(ratio(row.path("jvmClockRatio"))).append(")")
                    .append(" | ").append(row.path("samplesMs").path("hyperfine").size())
                    .append(" |\n");
        }
        JsonNode machine = comparison.path("machine");
        page.append("\nMeasured ").append(comparison.path("timeUtc").asText()).append(" on ")
                .append(machine.path("cpu").asText()).append(", ").append(machine.path("logicalCores").asInt())
                .append(" logical cores, load average before ").append(machine.path("loadAverageBefore").asText())
                .append(" and after ").append(machine.path("loadAverageAfter").asText())
                .append("; ").append(comparison.path("go").asText()).append(", JDK ").append(comparison.path("jdk").asText())
                .append(", launch mechanism ").append(comparison.path("launchMechanism").asText()).append(".\n\n");
        page.append("Reproduce: `").append(comparison.path("command").asText().strip())
                .append("` (writes `results/hyperfine-comparison.json`)\n\n");
        return page.toString();
    }

    private static String ms(JsonNode value) {
        return CoreTable.formatMs(value.asDouble()) + " ms";
    }

    private static String ratio(JsonNode value) {
        return String.format(Locale.ROOT, "%.2fx", value.asDouble());
    }
}
