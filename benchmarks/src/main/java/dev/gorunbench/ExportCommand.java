package dev.gorunbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.compare.Exports;
import dev.gorunbench.report.BenchmarkRecord;
import dev.gorunbench.results.AtomicFiles;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.results.ResultsFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code Cli export --format=benchstat|github RESULTS}: a results file in another tool's format. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a results file as benchstat text or github-action-benchmark JSON.")
final class ExportCommand implements Callable<Integer> {
    enum Format { benchstat, github }

    @Parameters(index = "0", description = "The results file, for example results/latest.json.")
    Path resultsFile;

    @Option(names = "--format", required = true,
            description = "benchstat (Go benchmark text for benchstat) or github (customSmallerIsBetter JSON).")
    Format format;

    @Option(names = "--out", description = "Write to this file instead of stdout.")
    Path out;

    @Override
    public Integer call() {
        ObjectNode results;
        try {
            results = ResultsFile.read(resultsFile);
        } catch (ResultsFormatException e) {
            System.err.println("error: " + e.getMessage());
            return Cli.UNUSABLE_INPUT;
        }
        if (results.path("benchmarks").isEmpty()) {
            System.err.println("error: " + resultsFile + " contains no benchmarks, so there is nothing to export; export"
                    + " a run that measured some, such as results/latest.json.");
            return Cli.UNUSABLE_INPUT;
        }
        for (JsonNode node : results.path("benchmarks")) {
            BenchmarkRecord record = BenchmarkRecord.of(node);
            if (record.hasMalformedWallSamples()) {
                System.err.println("error: " + resultsFile + ": " + record.malformedWallMessage() + "; rerun the"
                        + " benchmark, or remove wallMs from that record to export JMH's scores.");
                return Cli.UNUSABLE_INPUT;
            }
        }
        if (!results.path("complete").asBoolean(true)) {
            System.err.println("warning: " + resultsFile + " is an incomplete run (\"complete\": false): a benchmark"
                    + " failed or the run was stopped, so the export lacks its benchmarks.");
        }
        String text;
        try {
            text = format == Format.benchstat ? Exports.benchstat(results) : Exports.githubActionBenchmark(results);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + resultsFile + ": " + e.getMessage());
            return Cli.UNUSABLE_INPUT;
        }
        if (out == null) {
            System.out.print(text);
            return Cli.OK;
        }
        try {
            AtomicFiles.write(out, text.getBytes(StandardCharsets.UTF_8));
            System.out.println("Written " + out);
            return Cli.OK;
        } catch (IOException e) {
            System.err.println("error: could not write " + out + ": " + e.getMessage());
            return Cli.UNUSABLE_INPUT;
        }
    }
}
